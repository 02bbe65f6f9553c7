package io.switchboard.dialect.pinnacle;

import static io.switchboard.dialect.pinnacle.PinnacleResponsesTest.json;
import static io.switchboard.dialect.pinnacle.PinnacleResponsesTest.prices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.model.EventType;
import io.switchboard.model.Message;
import io.switchboard.store.MessageView;
import io.switchboard.store.MessageView.TimelineEntry;
import io.switchboard.testing.Fixtures;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /messages/{id}} against FORMATS.md §1.8, rebuilt from canonical messages and timelines. */
class PinnacleMessagesTest {

    private static final Instant ACCEPTED = Instant.parse("2025-06-18T21:27:13.500Z");

    private final PinnacleMessages messages = new PinnacleMessages(null, prices("10", "10", "0.02", "0.02"),
            Fixtures.MAPPER);

    @Test
    void shouldShowAFailedSmsAsPinnacleDoes() throws IOException {
        Message sms = new PinnacleSmsToCanonical(null).toCanonical(
                new PinnacleWire.SmsSend("+1415567890", "+1415654321", "Hello from Pinnacle", null), "demo", ACCEPTED);
        Instant sentAt = Instant.parse("2025-06-18T21:27:13.809Z");
        MessageView view = view(sms, "failed", new TimelineEntry(EventType.QUEUED, ACCEPTED, null, null),
                new TimelineEntry(EventType.SENT, sentAt, null, null),
                new TimelineEntry(EventType.FAILED, sentAt.plusSeconds(30), null, "Error: Timeout occurred"));

        ObjectNode shown = (ObjectNode) json(messages.message(sms, view));

        ObjectNode expected = Fixtures.tree("pinnacle/message.json").deepCopy();
        assertThat(shown.path("id").asText()).isEqualTo(sms.id());
        // Pinnacle's example is still pending; this one failed after the carrier took it
        assertThat(shown.path("status").asText()).isEqualTo("DELIVERY_FAILED");
        // the hub writes times with their zone; Pinnacle's example leaves the UTC zone out
        assertThat(Instant.parse(shown.path("sentAt").asText()))
                .isEqualTo(LocalDateTime.parse(expected.path("sentAt").asText()).toInstant(ZoneOffset.UTC));
        assertThat(Fixtures.MAPPER.readTree(shown.path("error").asText()))
                .isEqualTo(Fixtures.MAPPER.readTree(expected.path("error").asText()));
        for (ObjectNode tree : List.of(shown, expected)) {
            tree.remove(List.of("id", "status", "sentAt", "error"));
        }
        assertThat(shown).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} (sent before: {1}) is {2}")
    @CsvSource({
        "queued, false, QUEUED",
        "sent, true, SENT",
        "delivered, true, DELIVERED",
        "read, true, READ",
        "failover, true, FALLBACK_SENT",
        "failed, false, SEND_FAILED",
        "failed, true, DELIVERY_FAILED",
        "expired, true, DELIVERY_FAILED",
        "revoked, false, SEND_FAILED"
    })
    void shouldMapTheHubStatusToPinnaclesStatus(String status, boolean sent, String expected) {
        Message sms = new PinnacleSmsToCanonical(null).toCanonical(
                new PinnacleWire.SmsSend("+14155164736", "+14154746461", "Hey!", null), "demo", ACCEPTED);
        List<TimelineEntry> events = new ArrayList<>();
        events.add(new TimelineEntry(EventType.QUEUED, ACCEPTED, null, null));
        if (sent) {
            events.add(new TimelineEntry(EventType.SENT, ACCEPTED.plusSeconds(1), null, null));
        }

        assertThat(PinnacleMessages.status(view(sms, status, events.toArray(TimelineEntry[]::new))))
                .isEqualTo(expected);
    }

    @Test
    void shouldRebuildRcsCardsWithMediaAsObjectsAndButtonsWithTheirMetadata() {
        Message rcs = new PinnacleRcsToCanonical(null).toCanonical(
                Fixtures.read("pinnacle/send-rcs-every-button.json", PinnacleWire.RcsSend.class), "demo", ACCEPTED);

        JsonNode shown = json(messages.message(rcs, view(rcs, "queued")));

        assertThat(shown.path("type").asText()).isEqualTo("RCS");
        assertThat(shown.path("content")).isEqualTo(Fixtures.tree("pinnacle/message-rcs-every-button.json"));
        assertThat(shown.path("sentAt").isNull()).isTrue();
        assertThat(shown.path("error").isNull()).isTrue();
        assertThat(shown.path("cost").decimalValue()).isEqualByComparingTo("0.02");
    }

    @Test
    void shouldShowMediaAndMmsContent() {
        Message media = new PinnacleRcsToCanonical(null).toCanonical(
                Fixtures.read("pinnacle/send-rcs-media.json", PinnacleWire.RcsSend.class), "demo", ACCEPTED);
        Message mms = new PinnacleMmsToCanonical(null).toCanonical(
                new PinnacleWire.MmsSend("+14155164736", "+14154746461", null, List.of("https://example.com/a.jpg"),
                        null), "demo", ACCEPTED);

        JsonNode mediaContent = json(messages.message(media, view(media, "queued"))).path("content");
        JsonNode mmsShown = json(messages.message(mms, view(mms, "delivered")));

        ObjectNode expectedMedia = Fixtures.tree("pinnacle/validate-rcs-media.json").deepCopy();
        expectedMedia.putObject("media").put("url", "https://example.com/v.mp4").put("mimeType", "video/mp4");
        assertThat(mediaContent).isEqualTo(expectedMedia);
        assertThat(mmsShown.path("type").asText()).isEqualTo("MMS");
        assertThat(mmsShown.path("content")).isEqualTo(Fixtures.MAPPER.createObjectNode()
                .set("mediaUrls", Fixtures.MAPPER.createArrayNode().add("https://example.com/a.jpg")));
    }

    private static MessageView view(Message message, String status, TimelineEntry... events) {
        return new MessageView(message.id(), message.tenantId(), message.sourceDialect(), message.channel(),
                message.sender(), message.recipient(), status, message.createdAt(), message.createdAt(),
                List.of(events));
    }
}
