package io.switchboard.dialect.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.model.Channel;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserLocation;
import io.switchboard.model.UserMessage;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class V5InboundToInboundEventTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final V5InboundToInboundEvent reader = new V5InboundToInboundEvent(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldGiveV5sNumbersTheirPlusSignBack() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"messageGUID":"mo-1","source":"15559876543","destination":"14155550100","messageType":"RCS_TEXT",
                 "messageText":"Hi"}"""), "rcs-v5");

        assertThat(event.user()).isEqualTo("+15559876543");
        assertThat(event.agent()).isEqualTo("+14155550100");
    }

    @Test
    void shouldReadCoordinatesWrittenAsText() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"source":"15559876543","destination":"CONVEY","messageType":"RCS_LOCATION","latitude":"40.7",
                 "longitude":"-74.0","address":"New York"}"""), "rcs-v5");

        assertThat(event.message()).isEqualTo(UserMessage.location(new UserLocation(40.7, -74.0, "New York"),
                null));
    }

    @Test
    void shouldReadAnMmsAndItsPictures() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"messageGUID":"mo-5","source":"15559876543","destination":"14155550100","messageType":"MMS",
                 "mediaURLs":["https://media.example/a.jpg"],"messageText":"Look"}"""), "rcs-v5");

        assertThat(event.channel()).isEqualTo(Channel.MMS);
        assertThat(event.message()).isEqualTo(UserMessage.media(List.of(URI.create("https://media.example/a.jpg")),
                "Look"));
    }

    @Test
    void shouldReadAMessageOfAnUnknownTypeByWhatItHolds() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"messageGUID":"mo-6","source":"15559876543","destination":"CONVEY","messageType":"RCS_CHIP",
                 "messageText":"Yes","postbackData":"yes"}"""), "rcs-v5");

        assertThat(event.channel()).isEqualTo(Channel.RCS);
        assertThat(event.message()).isEqualTo(UserMessage.suggestion("Yes", "yes"));
    }
}
