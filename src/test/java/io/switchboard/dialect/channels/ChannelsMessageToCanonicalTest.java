package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.model.Dialect;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChannelsMessageToCanonicalTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final CanonicalToChannelsMessage out = new CanonicalToChannelsMessage();
    private final ChannelsMessageToCanonical in = new ChannelsMessageToCanonical(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"sms.json", "mms-images.json", "mms-files.json", "template.json"})
    void shouldKeepRecipientAndContentOfWhatChannelsCanExpress(String fixture) {
        Message original = CanonicalToChannelsMessageTest.canonical(fixture);

        Message back = in.toCanonical(out.toChannels(original), "demo", NOW);

        assertThat(back.recipient()).isEqualTo(original.recipient());
        assertThat(back.content()).isEqualTo(original.content());
        assertThat(back.sourceDialect()).isEqualTo(Dialect.CHANNELS);
        assertThat(back.tenantId()).isEqualTo("demo");
        assertThat(back.createdAt()).isEqualTo(NOW);
        assertThat(back.id()).startsWith("msg_").isNotEqualTo(original.id());
    }

    @Test
    void shouldReadAnRcsMediaFileBackAsTheMmsItWasSentAs() {
        Message original = CanonicalToChannelsMessageTest.canonical("v5-rcs-media.json");

        Message back = in.toCanonical(out.toChannels(original), "demo", NOW);

        assertThat(back.content()).isEqualTo(new MmsContent(null, null,
                List.of(URI.create("https://example.com/media.jpg"))));
        assertThat(back.sender()).isNull();
    }
}
