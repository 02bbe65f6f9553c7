package io.switchboard.dialect.v5;

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

class V5CallbackToDeliveryEventTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Leg LEG = new Leg("msg_a-1", "msg_a", "demo", 1, Channel.RCS, "sandbox-v5", "guid-stored",
            Leg.LegStatus.ACCEPTED, null, null, null);

    private final V5CallbackToDeliveryEvent transformer =
            new V5CallbackToDeliveryEvent(Clock.fixed(NOW, ZoneOffset.UTC));

    private Optional<DeliveryEvent> read(String json) throws Exception {
        JsonNode tree = Fixtures.MAPPER.readTree(json);
        return transformer.toEvent(tree, LEG);
    }

    @Test
    void shouldReadTheDocumentedCallback() throws Exception {
        DeliveryEvent event = read("""
                {"messageGUID":"550e8400-e29b-41d4-a716-446655440000","source":"CONVEY","destination":"15559876543",
                 "messageType":"RCS_TEXT","status":"DELIVERED","statusCode":40001,
                 "timestamp":"2026-11-22T09:59:58.500Z"}""").orElseThrow();

        assertThat(event.type()).isEqualTo(EventType.DELIVERED);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:59:58.500Z"));
        assertThat(event.carrierMessageId()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThat(event.messageId()).isEqualTo("msg_a");
        assertThat(event.tenantId()).isEqualTo("demo");
        assertThat(event.carrier()).isEqualTo("sandbox-v5");
        assertThat(event.channel()).isEqualTo(Channel.RCS);
        assertThat(event.id()).startsWith("evt_");
        assertThat(event.reason()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "status, DELIVRD, DELIVERED", "messageStatus, delivered, DELIVERED", "state, UNDELIV, FAILED",
        "statusCode, 40001, DELIVERED", "status, ENROUTE, SENT", "dlrStatus, EXPIRED, EXPIRED",
        "status, read, READ", "status, REJECTD, FAILED", "statusCode, 30000, SENT"})
    void shouldUnderstandOtherSpellingsAndVocabularies(String field, String value, EventType expected)
            throws Exception {
        assertThat(read("{\"" + field + "\":\"" + value + "\"}")).map(DeliveryEvent::type).contains(expected);
    }

    @Test
    void shouldFallBackToTheStoredCarrierIdAndTheTimeItArrived() throws Exception {
        DeliveryEvent event = read("{\"status\":\"FAILED\",\"errorMessage\":\"Handset rejected\"}").orElseThrow();

        assertThat(event.carrierMessageId()).isEqualTo("guid-stored");
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.reason()).isEqualTo("Handset rejected");
    }

    @Test
    void shouldReadTheCarriersOwnFailoverWithTheLegsChannel() throws Exception {
        DeliveryEvent sms = read("{\"messageGUID\":\"guid-1\",\"status\":\"FAILOVER\",\"messageType\":\"SMS\"}").orElseThrow();
        DeliveryEvent unnamed = read("{\"messageGUID\":\"guid-1\",\"status\":\"fallback_sent\"}").orElseThrow();

        assertThat(sms).returns(EventType.FAILOVER, DeliveryEvent::type)
                .returns("carrier failover: SMS", DeliveryEvent::reason);
        assertThat(unnamed.reason()).isEqualTo("carrier failover: SMS/MMS");
    }

    @Test
    void shouldReadEpochMillisecondTimes() throws Exception {
        assertThat(read("{\"status\":\"SENT\",\"timestamp\":1795351982000}").orElseThrow().occurredAt())
                .isEqualTo(Instant.ofEpochMilli(1795351982000L));
    }

    @Test
    void shouldIgnoreStatusesItCannotPlace() throws Exception {
        assertThat(read("{\"status\":\"SOMETHING_NEW\"}")).isEmpty();
        assertThat(read("{\"messageGUID\":\"x\"}")).isEmpty();
    }
}
