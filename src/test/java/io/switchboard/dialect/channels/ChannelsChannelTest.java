package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelsChannelTest {

    /** Seed 003's prose path and its example's nested path, and what turns MMS off. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "channel-prose-path-active.json, true",
        "channel-example-path-active.json, true",
        "channel-mms-paused.json, false",
        "channel-mms-inactive.json, false",
        "channel-without-capabilities.json, false",
        "channel-incoming-mms-only.json, false"})
    void shouldSendMmsOnlyWhenOutgoingMmsIsActive(String fixture, boolean sendsMms) {
        assertThat(Fixtures.read("channels/" + fixture, ChannelsChannel.class).sendsMms()).isEqualTo(sendsMms);
    }
}
