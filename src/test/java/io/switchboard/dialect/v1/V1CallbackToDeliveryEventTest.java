package io.switchboard.dialect.v1;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class V1CallbackToDeliveryEventTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Leg LEG = new Leg("msg_a-1", "msg_a", "demo", 1, Channel.SMS, "sandbox-v1", "msg_stored",
            Leg.LegStatus.ACCEPTED, null, null, null);

    private final V1CallbackToDeliveryEvent transformer =
            new V1CallbackToDeliveryEvent(Clock.fixed(NOW, ZoneOffset.UTC));

    private static JsonNode tree(String json) throws Exception {
        return Fixtures.MAPPER.readTree(json);
    }

    private Optional<DeliveryEvent> read(String json) throws Exception {
        return transformer.toEvent(tree(json), LEG);
    }

    @Test
    void shouldReadTheSeedsDeliveredWebhook() throws Exception {
        DeliveryEvent event = read("""
                {"id":"evt_z9y8x7","event":"message.delivered","timestamp":"2026-03-27T14:30:06Z",
                 "data":{"message_id":"msg_a1b2c3d4","delivered_at":"2026-03-27T14:30:05Z"}}""").orElseThrow();

        assertThat(event.type()).isEqualTo(EventType.DELIVERED);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-27T14:30:05Z"));
        assertThat(event.carrierMessageId()).isEqualTo("msg_a1b2c3d4");
        assertThat(event.messageId()).isEqualTo("msg_a");
        assertThat(event.tenantId()).isEqualTo("demo");
        assertThat(event.carrier()).isEqualTo("sandbox-v1");
        assertThat(event.channel()).isEqualTo(Channel.SMS);
        assertThat(event.id()).startsWith("evt_");
        assertThat(event.reason()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "message.dispatched, SENT", "message.sent, SENT", "message.delivered, DELIVERED", "message.read, READ",
        "message.failed, FAILED", "message.expired, EXPIRED", "message.revoked, FAILED", "MESSAGE.READ, READ"})
    void shouldMapEveryMessageEvent(String name, EventType expected) throws Exception {
        assertThat(read("{\"event\":\"" + name + "\",\"data\":{\"message_id\":\"msg_1\"}}"))
                .map(DeliveryEvent::type).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"delivered, DELIVERED", "READ, READ", "FAILED, FAILED", "dispatched, SENT", "expired, EXPIRED"})
    void shouldFallBackOnTheDataStatusInEitherCase(String status, EventType expected) throws Exception {
        assertThat(read("{\"data\":{\"id\":\"msg_1\",\"status\":\"" + status + "\"}}")).map(DeliveryEvent::type)
                .contains(expected);
        assertThat(read("{\"event\":\"message.unheard_of\",\"data\":{\"status\":\"" + status + "\"}}"))
                .map(DeliveryEvent::type).contains(expected);
    }

    @Test
    void shouldCarryTheFailureReasonAndTheRevokeAsAFailure() throws Exception {
        assertThat(read("""
                {"event":"message.failed","data":{"message_id":"msg_1","status":"failed",
                 "failure_reason":"Recipient handset rejected the message"}}""")).map(DeliveryEvent::reason)
                .contains("Recipient handset rejected the message");
        assertThat(read("{\"event\":\"message.revoked\",\"data\":{\"message_id\":\"msg_1\"}}"))
                .map(DeliveryEvent::reason).contains(V1CallbackToDeliveryEvent.REVOKED_REASON);
        assertThat(read("{\"event\":\"message.read\",\"data\":{\"failure_reason\":\"x\"}}"))
                .map(DeliveryEvent::reason).isEmpty();
    }

    @Test
    void shouldTakeTheEnvelopesTimeOrNowWhenTheDataHasNone() throws Exception {
        assertThat(read("{\"event\":\"message.read\",\"timestamp\":\"2026-03-27T14:31:00+01:00\"}"))
                .map(DeliveryEvent::occurredAt).contains(Instant.parse("2026-03-27T13:31:00Z"));
        assertThat(read("{\"event\":\"message.read\",\"data\":{\"read_at\":\"yesterday\"}}"))
                .map(DeliveryEvent::occurredAt).contains(NOW);
        assertThat(read("{\"event\":\"message.read\"}")).map(DeliveryEvent::carrierMessageId).contains("msg_stored");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"conversation.started\",\"data\":{\"agent_id\":\"ag\",\"from\":\"+4917612345678\"}}",
        "{\"event\":\"conversation.ended\",\"data\":{\"agent_id\":\"ag\"}}",
        "{\"event\":\"email.delivered\",\"data\":{\"message_id\":\"msg_1\",\"status\":\"delivered\"}}",
        "{\"event\":\"message.queued\",\"data\":{\"message_id\":\"msg_1\",\"status\":\"queued\"}}",
        "{\"data\":{\"message_id\":\"msg_1\",\"status\":\"bounced\"}}",
        "{}"})
    void shouldReportNoMessageStatusForOtherEvents(String json) throws Exception {
        assertThat(read(json)).isEmpty();
        assertThat(transformer.messageIdOfStatus(tree(json))).isNull();
    }

    @Test
    void shouldNameTheMessageOfAStatusWebhook() throws Exception {
        assertThat(transformer.messageIdOfStatus(tree(
                "{\"event\":\"message.delivered\",\"data\":{\"message_id\":\"msg_1\"}}"))).isEqualTo("msg_1");
        assertThat(transformer.messageIdOfStatus(tree("{\"event\":\"message.read\",\"message_id\":\"msg_2\"}")))
                .isEqualTo("msg_2");
    }
}
