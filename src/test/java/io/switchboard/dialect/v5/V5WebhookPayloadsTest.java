package io.switchboard.dialect.v5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Inbound;
import io.switchboard.model.UserMessage;
import io.switchboard.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** v5 status callbacks as docs/dialects/v5.md defines them: a v5 carrier's callback shape about the hub's message. */
class V5WebhookPayloadsTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00.250Z");
    private static final Envelope ENVELOPE = new Envelope("CONVEY", "+15559876543", Channel.RCS);

    private final V5WebhookPayloads payloads = new V5WebhookPayloads(Fixtures.MAPPER);

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource(nullValues = "none", value = {
        "QUEUED, QUEUED, 20000",
        "SENT, SENT, 30000",
        "DELIVERED, DELIVERED, 40001",
        "READ, READ, none",
        "FAILOVER, FAILOVER, none",
        "EXPIRED, EXPIRED, none",
        "REVOKED, REVOKED, none"})
    void shouldNameTheStatusInV5Words(EventType type, String status, Integer code) {
        JsonNode callback = render(event(type, Channel.RCS, null));

        assertThat(callback.path("status").asText()).isEqualTo(status);
        assertThat(callback.has("statusCode")).isEqualTo(code != null);
        if (code != null) {
            assertThat(callback.path("statusCode").asInt()).isEqualTo(code);
        }
    }

    @Test
    void shouldDescribeTheHubsMessageAsTheClientKnowsIt() {
        JsonNode callback = render(event(EventType.DELIVERED, Channel.SMS, null));

        assertThat(callback.path("messageGUID").asText()).isEqualTo("msg_1");
        assertThat(callback.path("source").asText()).isEqualTo("CONVEY");
        assertThat(callback.path("destination").asText()).as("v5 writes numbers without the plus")
                .isEqualTo("15559876543");
        assertThat(callback.path("messageType").asText()).as("the channel of the leg, here a failover SMS")
                .isEqualTo("SMS");
        assertThat(Instant.parse(callback.path("timestamp").asText())).isEqualTo(AT);
        assertThat(callback.path("sequence").asLong()).isEqualTo(3);
        assertThat(callback.has("errorCode")).isFalse();
    }

    @Test
    void shouldGiveAFailureItsErrorCodeAndReason() {
        JsonNode callback = render(event(EventType.FAILED, Channel.RCS, "Recipient handset rejected the message"));

        assertThat(callback.path("status").asText()).isEqualTo("FAILED");
        assertThat(callback.path("statusCode").asInt()).isEqualTo(30003);
        assertThat(callback.path("errorCode").asText()).isEqualTo("30003");
        assertThat(callback.path("errorMessage").asText()).isEqualTo("Recipient handset rejected the message");
    }

    @Test
    void shouldRenderStatusesAndTheUsersMessagesButNotConversations() {
        assertThat(payloads.renders(EventType.DELIVERED)).isTrue();
        assertThat(payloads.renders(EventType.RECEIVED)).isTrue();
        assertThat(payloads.renders(EventType.USER_TYPING)).isTrue();
        assertThat(payloads.renders(EventType.CONVERSATION_STARTED)).isFalse();
    }

    @Test
    void shouldPostATappedSuggestionAsAMobileOriginatedPostback() {
        DeliveryEvent received = new DeliveryEvent("evt_1", EventType.RECEIVED, AT, "msg_1", "demo", "sandbox-v5",
                "mo-1", Channel.RCS, null, ENVELOPE, 4L, new Inbound("conv_1", "CONVEY", "+15559876543",
                        UserMessage.suggestion("Yes", "YES"), AT.plusSeconds(86_400), "inb_1"));

        JsonNode mo = render(received);

        assertThat(mo.path("messageGUID").asText()).isEqualTo("inb_1");
        assertThat(mo.path("source").asText()).isEqualTo("15559876543");
        assertThat(mo.path("destination").asText()).isEqualTo("CONVEY");
        assertThat(mo.path("messageType").asText()).isEqualTo("RCS_POSTBACK");
        assertThat(mo.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(mo.path("messageText").asText()).isEqualTo("Yes");
        assertThat(mo.path("postbackData").asText()).isEqualTo("YES");
        assertThat(mo.path("inReplyTo").asText()).isEqualTo("msg_1");
        assertThat(mo.path("sequence").asLong()).isEqualTo(4);
        assertThat(mo.has("latitude")).isFalse();
    }

    private JsonNode render(DeliveryEvent event) {
        return Fixtures.parse(payloads.payload(event, ENVELOPE));
    }

    private static DeliveryEvent event(EventType type, Channel channel, String reason) {
        return new DeliveryEvent("evt_1", type, AT, "msg_1", "demo", "sandbox-v5", "guid-1", channel, reason,
                ENVELOPE, 3L, null);
    }
}
