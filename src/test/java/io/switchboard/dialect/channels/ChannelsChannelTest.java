package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelsChannelTest {

    /** Seed 003's prose path, its example's nested path, and what turns MMS off. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "prose path, active      | {\"capabilities\":{\"messaging\":{\"outgoing\":{\"mms\":{\"status\":\"active\"}}}}} | true",
        "example path, active    | {\"capabilities\":{\"messaging\":{\"messaging\":{\"status\":\"active\",\"outgoing\":{\"status\":\"active\",\"mms\":{\"status\":\"active\",\"paused\":false}}}}}} | true",
        "example path, paused    | {\"capabilities\":{\"messaging\":{\"messaging\":{\"outgoing\":{\"mms\":{\"status\":\"active\",\"paused\":true}}}}}} | false",
        "inactive                | {\"capabilities\":{\"messaging\":{\"outgoing\":{\"mms\":{\"status\":\"inactive\"}}}}} | false",
        "no capabilities         | {\"id\":\"ch\",\"status\":\"active\"} | false",
        "incoming MMS only       | {\"capabilities\":{\"messaging\":{\"incoming\":{\"mms\":{\"status\":\"active\"}}}}} | false"})
    void shouldSendMmsOnlyWhenOutgoingMmsIsActive(String name, String json, boolean sendsMms) throws Exception {
        assertThat(Fixtures.MAPPER.readValue(json, ChannelsChannel.class).sendsMms()).isEqualTo(sendsMms);
    }
}
