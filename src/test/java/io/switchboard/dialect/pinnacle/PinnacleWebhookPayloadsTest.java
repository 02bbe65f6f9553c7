package io.switchboard.dialect.pinnacle;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user's side as Pinnacle subscribers read it (FORMATS.md §1.10): MESSAGE.RECEIVED typed by what the user sent,
 * USER.TYPING, and the signature header Pinnacle's receivers compare. Status events read the store back and are
 * covered end to end.
 */
class PinnacleWebhookPayloadsTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final Envelope ENVELOPE = new Envelope("agent_acme", "+14155550101", Channel.RCS);

    private final PinnacleWebhookPayloads payloads = new PinnacleWebhookPayloads(null, null, Fixtures.MAPPER);

    @Test
    void shouldSendATappedSuggestionAsButtonData() {
        JsonNode event = render(received(Channel.RCS, UserMessage.suggestion("Yes", "YES")));

        assertThat(event.path("type").asText()).isEqualTo("MESSAGE.RECEIVED");
        assertThat(event.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(event.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(event.path("conversation").path("from").asText()).isEqualTo("+14155550101");
        assertThat(event.path("conversation").path("to").asText()).isEqualTo("agent_acme");
        JsonNode message = event.path("message");
        assertThat(message.path("type").asText()).isEqualTo("RCS_BUTTON_DATA");
        assertThat(message.path("messageId").asText()).isEqualTo("msg_1");
        assertThat(message.path("button").path("payload").asText()).isEqualTo("YES");
        assertThat(message.path("button").path("raw").asText()).isEqualTo("Yes");
        assertThat(event.path("sequence").asLong()).isEqualTo(4);
    }

    @Test
    void shouldTypeAMessageByItsChannelAndKind() {
        assertThat(render(received(Channel.SMS, UserMessage.text("Stop"))).path("message").path("type").asText())
                .isEqualTo("SMS");
        assertThat(render(received(Channel.RCS, UserMessage.text("Hi"))).path("message").path("type").asText())
                .isEqualTo("RCS_TEXT");
        JsonNode location = render(received(Channel.RCS,
                UserMessage.location(new UserLocation(37.77, -122.41, "Market St"), null))).path("message");
        assertThat(location.path("type").asText()).isEqualTo("RCS_LOCATION_DATA");
        assertThat(location.path("data").path("latitude").asDouble()).isEqualTo(37.77);
        assertThat(location.path("data").path("address").asText()).isEqualTo("Market St");
    }

    @Test
    void shouldSendTypingAsAUserEvent() {
        DeliveryEvent typing = new DeliveryEvent("evt_1", EventType.USER_TYPING, AT, "msg_1", "demo",
                "sandbox-pinnacle", "inb_1", Channel.RCS, null, ENVELOPE, 3L,
                new Inbound("conv_1", "agent_acme", "+14155550101", null, null, "inb_1"));

        JsonNode event = render(typing);

        assertThat(event.path("type").asText()).isEqualTo("USER.TYPING");
        assertThat(event.path("startedAt").asText()).isEqualTo(AT.toString());
        assertThat(event.path("conversation").path("id").asText()).isEqualTo("conv_1");
    }

    @Test
    void shouldRenderNoConversationEventsPinnacleDoesNotHave() {
        assertThat(payloads.renders(EventType.CONVERSATION_STARTED)).isFalse();
        assertThat(payloads.renders(EventType.CONVERSATION_ENDED)).isFalse();
        assertThat(payloads.renders(EventType.RECEIVED)).isTrue();
    }

    @Test
    void shouldSignWithTheNewestSecretAsPinnacleDoes() {
        assertThat(payloads.signatureHeaders(List.of("pss_new", "pss_old"), "evt_1", 1_700_000_000L, new byte[0]))
                .containsEntry("PINNACLE-SIGNING-SECRET", "pss_new")
                .containsEntry("webhook-id", "evt_1")
                .containsEntry("webhook-timestamp", "1700000000");
    }

    private JsonNode render(DeliveryEvent event) {
        return Fixtures.parse(payloads.payload(event, ENVELOPE));
    }

    private static DeliveryEvent received(Channel channel, UserMessage message) {
        return new DeliveryEvent("evt_1", EventType.RECEIVED, AT, "msg_1", "demo", "sandbox-pinnacle", "mo-1",
                channel, null, ENVELOPE, 4L, new Inbound("conv_1", "agent_acme", "+14155550101", message,
                        AT.plusSeconds(86_400), "inb_1"));
    }
}
