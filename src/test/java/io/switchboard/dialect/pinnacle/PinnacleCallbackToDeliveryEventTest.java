package io.switchboard.dialect.pinnacle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import io.switchboard.store.Leg;
import io.switchboard.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PinnacleCallbackToDeliveryEventTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:09Z");
    private static final Leg LEG = new Leg("msg_a-1", "msg_a", "demo", 1, Channel.RCS, "sandbox-pinnacle",
            "msg_123", Leg.LegStatus.ACCEPTED, null, null, null);

    private final PinnacleCallbackToDeliveryEvent reader =
            new PinnacleCallbackToDeliveryEvent(Clock.fixed(NOW, ZoneOffset.UTC));

    private static JsonNode tree(String json) {
        try {
            return Fixtures.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void shouldReadFormatsOwnDeliveredExample() {
        JsonNode callback = tree("""
                { "type": "MESSAGE.STATUS",
                  "conversation": {"id": "conv_123", "from": "agent_acme", "to": "+14154746461"},
                  "status": "DELIVERED", "direction": "OUTBOUND", "segments": 1,
                  "sentAt": "2026-01-01T10:00:01Z", "deliveredAt": "2026-01-01T10:00:03Z",
                  "message": { "type": "RCS_TEXT", "id": "msg_123", "text": "Hi!", "quickReplies": [] },
                  "originalMessageId": null, "fallbackMessage": null }""");

        DeliveryEvent event = reader.toEvent(callback, LEG).orElseThrow();

        assertThat(reader.messageIdOfStatus(callback)).isEqualTo("msg_123");
        assertThat(event.type()).isEqualTo(EventType.DELIVERED);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-01T10:00:03Z"));
        assertThat(event).returns("msg_a", DeliveryEvent::messageId).returns("demo", DeliveryEvent::tenantId)
                .returns("sandbox-pinnacle", DeliveryEvent::carrier).returns("msg_123", DeliveryEvent::carrierMessageId)
                .returns(null, DeliveryEvent::reason);
    }

    @ParameterizedTest
    @CsvSource({"SENT, SENT", "sent, SENT", "DELIVERED, DELIVERED", "READ, READ", "SEND_FAILED, FAILED",
        "DELIVERY_FAILED, FAILED"})
    void shouldMapEveryStatusOfASentMessageInEitherCase(String status, EventType type) {
        JsonNode callback = tree("{\"type\":\"MESSAGE.STATUS\",\"status\":\"" + status
                + "\",\"message\":{\"id\":\"msg_123\"}}");

        assertThat(reader.toEvent(callback, LEG)).get().extracting(DeliveryEvent::type).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"MESSAGE.STATUS\",\"status\":\"QUEUED\",\"message\":{\"id\":\"msg_123\"}}",
        "{\"type\":\"MESSAGE.RECEIVED\",\"status\":\"RECEIVED\",\"message\":{\"id\":\"msg_9\"}}",
        "{\"type\":\"USER.TYPING\",\"startedAt\":\"2026-01-01T10:00:00Z\"}",
        "{\"status\":\"BOUNCED\",\"message\":{\"id\":\"msg_123\"}}"})
    void shouldReportNothingForEventsThatAreNotANewStatusOfASentMessage(String json) {
        JsonNode callback = tree(json);

        assertThat(reader.messageIdOfStatus(callback)).isNull();
        assertThat(reader.toEvent(callback, LEG)).isEmpty();
    }

    @Test
    void shouldReadAStatusWithoutTypeTheLegacyMessageIdAndATimeWithoutOffsetAsUtc() {
        JsonNode callback = tree("{\"status\":\"SENT\",\"messageId\":\"msg_123\",\"sentAt\":\"2026-01-01T10:00:01\"}");

        assertThat(reader.messageIdOfStatus(callback)).isEqualTo("msg_123");
        assertThat(reader.toEvent(callback, LEG).orElseThrow().occurredAt())
                .isEqualTo(Instant.parse("2026-01-01T10:00:01Z"));
    }

    @Test
    void shouldReadAFallbackAsAFailoverAndItsDeliveryAsTheRcsMessages() {
        JsonNode fallbackSent = tree("""
                {"type":"MESSAGE.STATUS","status":"FALLBACK_SENT","message":{"type":"RCS_TEXT","id":"msg_123"},
                 "originalMessageId":null,"fallbackMessage":{"ids":["msg_sms"],"type":"SMS","text":"Hi"}}""");
        JsonNode smsDelivered = tree("""
                {"type":"MESSAGE.STATUS","status":"DELIVERED","message":{"type":"SMS","id":"msg_sms"},
                 "originalMessageId":"msg_123","deliveredAt":"2026-01-01T10:00:03Z"}""");

        assertThat(reader.messageIdOfStatus(fallbackSent)).isEqualTo("msg_123");
        assertThat(reader.toEvent(fallbackSent, LEG).orElseThrow())
                .returns(EventType.FAILOVER, DeliveryEvent::type)
                .returns("carrier failover: SMS", DeliveryEvent::reason);
        assertThat(reader.messageIdOfStatus(smsDelivered)).isEqualTo("msg_123");
        assertThat(reader.toEvent(smsDelivered, LEG).orElseThrow().type()).isEqualTo(EventType.DELIVERED);
    }

    @Test
    void shouldGiveAFailureTheCarriersReasonOrSayItGaveNone() {
        JsonNode explained = tree("{\"type\":\"MESSAGE.STATUS\",\"status\":\"DELIVERY_FAILED\","
                + "\"message\":{\"id\":\"msg_123\"},\"error\":\"Handset unreachable\"}");
        JsonNode silent = tree("{\"type\":\"MESSAGE.STATUS\",\"status\":\"SEND_FAILED\",\"message\":{\"id\":\"msg_123\"}}");

        assertThat(reader.toEvent(explained, LEG).orElseThrow().reason()).isEqualTo("Handset unreachable");
        assertThat(reader.toEvent(silent, LEG).orElseThrow())
                .returns(NOW, DeliveryEvent::occurredAt)
                .returns("Pinnacle reported SEND_FAILED without a reason", DeliveryEvent::reason);
    }
}
