package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;

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

class ChannelsCallbackToDeliveryEventTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Leg LEG = new Leg("msg_a-1", "msg_a", "demo", 1, Channel.MMS, "sandbox-channels", "m-1",
            Leg.LegStatus.ACCEPTED, null, null, null);

    private final ChannelsCallbackToDeliveryEvent transformer =
            new ChannelsCallbackToDeliveryEvent(Clock.fixed(NOW, ZoneOffset.UTC));

    private Optional<DeliveryEvent> read(String json) throws Exception {
        return transformer.toEvent(Fixtures.MAPPER.readTree(json), LEG);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"accepted, SENT", "processing, SENT", "scheduled, SENT", "sent, SENT", "delivered, DELIVERED",
        "sending_failed, FAILED", "delivery_failed, FAILED", "rejected, FAILED", "skipped, FAILED",
        "deleted, FAILED", "expired, EXPIRED", "DELIVERED, DELIVERED"})
    void shouldPlaceEveryChannelsStatus(String status, EventType type) throws Exception {
        DeliveryEvent event = read("{\"id\":\"m-1\",\"status\":\"" + status + "\"}").orElseThrow();

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.messageId()).isEqualTo("msg_a");
        assertThat(event.carrier()).isEqualTo("sandbox-channels");
        assertThat(event.carrierMessageId()).isEqualTo("m-1");
        assertThat(event.channel()).isEqualTo(Channel.MMS);
    }

    @Test
    void shouldKeepTheCarriersReasonAndTimeOfAFailure() throws Exception {
        DeliveryEvent event = read("""
                {"id":"m-1","status":"delivery_failed","reason":"Insufficient credit",
                 "lastStatusAt":"2026-11-22T09:59:58.5Z","updatedAt":"2026-11-22T09:59:59Z"}""").orElseThrow();

        assertThat(event.reason()).isEqualTo("Insufficient credit");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:59:58.5Z"));
    }

    @Test
    void shouldNameTheStatusAsTheReasonOfAFailureWithoutOneAndUseTheHubsTimeWithoutATime() throws Exception {
        DeliveryEvent event = read("{\"id\":\"m-1\",\"status\":\"sending_failed\"}").orElseThrow();

        assertThat(event.reason()).isEqualTo("sending_failed");
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(read("{\"id\":\"m-1\",\"status\":\"delivered\",\"reason\":\"x\"}").orElseThrow().reason())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"m-1\",\"status\":\"opened\"}", "{\"id\":\"m-1\"}",
        "{\"id\":\"m-2\",\"status\":\"delivered\",\"direction\":\"incoming\"}"})
    void shouldPublishNothingForAnIncomingMessageOrAStatusItCannotPlace(String json) throws Exception {
        assertThat(read(json)).isEmpty();
    }
}
