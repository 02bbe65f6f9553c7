package io.switchboard.dialect.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Inbound;
import io.switchboard.model.UserLocation;
import io.switchboard.model.UserMessage;
import io.switchboard.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** v1 webhook bodies as docs/dialects/v1.md documents them. */
class V1WebhookPayloadsTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final Envelope ENVELOPE = new Envelope("ag_live_acme", "+4917612345678", Channel.RCS);

    private final V1WebhookPayloads payloads = new V1WebhookPayloads(Fixtures.MAPPER);

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"QUEUED", "SENT", "FAILOVER", "DELIVERED", "READ", "FAILED",
        "EXPIRED", "REVOKED"})
    void shouldStampEachStatusWithItsOwnTime(EventType type) {
        JsonNode data = render(event(type, null, 4L)).path("data");

        assertThat(data.path("status").asText()).isEqualTo(type.statusWord());
        assertThat(data.path(type.statusWord() + "_at").asText()).isEqualTo(AT.toString());
        assertThat(data.path("sequence").asLong()).isEqualTo(4);
    }

    @Test
    void shouldExplainAFailoverAsAFailure() {
        JsonNode data = render(event(EventType.FAILOVER, "RCS not supported by the handset", 3L)).path("data");

        assertThat(data.path("failover_at").asText()).isEqualTo(AT.toString());
        assertThat(data.path("failure_reason").asText()).isEqualTo("RCS not supported by the handset");
        assertThat(data.has("reason")).isFalse();
    }

    @Test
    void shouldWrapTheDataInTheV1Envelope() {
        JsonNode body = render(event(EventType.DELIVERED, null, 2L));

        assertThat(body.path("id").asText()).isEqualTo("evt_1");
        assertThat(body.path("event").asText()).isEqualTo("message.delivered");
        assertThat(body.path("timestamp").asText()).isEqualTo(AT.toString());
        assertThat(body.path("data").path("message_id").asText()).isEqualTo("msg_1");
        assertThat(body.path("data").path("agent_id").asText()).isEqualTo("ag_live_acme");
        assertThat(body.path("data").path("to").asText()).isEqualTo("+4917612345678");
        assertThat(body.path("data").has("failure_reason")).isFalse();
    }

    @Test
    void shouldShowTheUsersSideOfAConversation() {
        Inbound side = new Inbound("conv_1", "ag_live_acme", "+4917612345678",
                UserMessage.location(new UserLocation(52.52, 13.40, "Alexanderplatz"), null), AT.plusSeconds(86_400),
                "inb_1");
        DeliveryEvent received = new DeliveryEvent("evt_2", EventType.RECEIVED, AT, "msg_1", "demo", "sandbox-v1",
                "mo-1", Channel.RCS, null, ENVELOPE, 5L, side);

        JsonNode body = render(received);

        assertThat(body.path("event").asText()).isEqualTo("message.received");
        JsonNode data = body.path("data");
        assertThat(data.path("message_id").asText()).isEqualTo("inb_1");
        assertThat(data.path("in_reply_to").asText()).isEqualTo("msg_1");
        assertThat(data.path("agent_id").asText()).isEqualTo("ag_live_acme");
        assertThat(data.path("from").asText()).isEqualTo("+4917612345678");
        assertThat(data.path("conversation_id").asText()).isEqualTo("conv_1");
        assertThat(data.path("received_at").asText()).isEqualTo(AT.toString());
        assertThat(data.path("user_message").path("type").asText()).isEqualTo("location");
        assertThat(data.path("user_message").path("location").path("latitude").asDouble()).isEqualTo(52.52);
        assertThat(data.path("sequence").asLong()).isEqualTo(5);
        assertThat(data.has("status")).isTrue();
        assertThat(data.has("delivered_at")).isFalse();
    }

    private JsonNode render(DeliveryEvent event) {
        return Fixtures.parse(payloads.payload(event, ENVELOPE));
    }

    private static DeliveryEvent event(EventType type, String reason, Long sequence) {
        return new DeliveryEvent("evt_1", type, AT, "msg_1", "demo", "sandbox-v5", "guid-1", Channel.RCS, reason,
                ENVELOPE, sequence, null);
    }
}
