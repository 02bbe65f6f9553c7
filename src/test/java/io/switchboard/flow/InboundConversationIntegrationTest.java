package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.model.Channel;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserMessage;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A user's reply to a message, as a carrier's callback route hands it on: it opens a conversation with the message's
 * sender, joins the message's timeline, reaches a v1 subscriber and the legacy consumers' address, lets the sender
 * write v1 CONVERSATION messages to the user until the conversation's time lapses, and then ends it. The session
 * length is a few seconds here.
 */
class InboundConversationIntegrationTest extends HubIntegrationTest {

    private static final String USER = "+15557400612";
    private static final String AGENT = "ag_live_demo";

    @Autowired
    private ProducerTemplate camel;

    @Autowired
    private ConnectionFactory connectionFactory;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private String subscription;
    private Connection legacyConnection;
    private MessageConsumer legacyConsumer;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "inbound-conversation");
        registry.add("switchboard.conversations.session-length", () -> "4s");
        registry.add("switchboard.conversations.expiry-check", () -> "250ms");
    }

    @BeforeEach
    void subscribe() throws Exception {
        HubClient.Response created = hub().postJson("/v1/webhooks", Map.of("url", receiver.url(), "events",
                List.of("conversation.started", "message.received", "user.typing", "conversation.ended")),
                "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscription = created.json().path("id").asText();
        legacyConnection = connectionFactory.createConnection();
        legacyConnection.start();
        Session session = legacyConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        legacyConsumer = session.createConsumer(session.createTopic("switchboard.inbound"));
    }

    @AfterEach
    void unsubscribe() throws Exception {
        legacyConnection.close();
        assertThat(hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY).status()).isEqualTo(204);
        receiver.close();
    }

    @Test
    void shouldOpenAConversationWithAReplyAndEndItWhenItsTimeLapses() throws Exception {
        String messageId = ExampleMessages.send(hub(), ExampleMessages.Credentials.DEMO, "v1", USER);
        eventually().until(() -> timeline(messageId), events -> events.contains("delivered"));
        assertThat(conversationMessage().status()).as("no conversation yet").isEqualTo(422);

        camel.sendBody("direct:inbound", new InboundEvent(Ids.inboundId(), EventType.RECEIVED, Instant.now(),
                "sandbox-v5", "mo-" + Ids.inboundId(), Channel.RCS, "switchboard_agent", USER,
                UserMessage.suggestion("Track", "track"), null));

        eventually().until(() -> timeline(messageId), events -> events.containsAll(List.of("started", "received")));
        eventually().until(() -> conversationEvents("message.received").size() == 1);
        JsonNode started = conversationEvents("conversation.started").get(0).path("data");
        assertThat(started.path("agent_id").asText()).as("the sender the user answered").isEqualTo(AGENT);
        assertThat(started.path("from").asText()).isEqualTo(USER);
        assertThat(started.path("in_reply_to").asText()).isEqualTo(messageId);
        assertThat(started.path("session_expires_at").asText()).endsWith("Z");
        assertThat(started.path("user_message").path("type").asText()).isEqualTo("suggested_reply");
        assertThat(started.path("user_message").path("postback_data").asText()).as("base64, as v1 writes it")
                .isEqualTo("dHJhY2s=");
        JsonNode received = conversationEvents("message.received").get(0).path("data");
        assertThat(received.path("message_id").asText()).startsWith("inb_");
        assertThat(received.path("sequence").asLong()).isGreaterThan(started.path("sequence").asLong());
        assertThat(legacyEvents(2)).extracting(event -> event.path("type").asText())
                .containsExactly("conversation.started", "message.received");

        assertThat(conversationMessage().status()).as("inside the conversation").isEqualTo(202);

        eventually().until(() -> conversationEvents("conversation.ended").size() == 1);
        assertThat(conversationMessage().status()).as("after it ended").isEqualTo(422);
        assertThat(conversationMessage().json().path("error").asText()).isEqualTo("no_active_session");
    }

    @Test
    void shouldDropAReplyFromAUserNoTenantWroteTo() {
        camel.sendBody("direct:inbound", new InboundEvent(Ids.inboundId(), EventType.RECEIVED, Instant.now(),
                "sandbox-v5", "mo-" + Ids.inboundId(), Channel.RCS, "switchboard_agent", "+15557400699",
                UserMessage.text("Who is this?"), null));

        assertThat(rows("conversations WHERE user_number = '+15557400699'")).isZero();
    }

    private HubClient.Response conversationMessage() {
        ObjectNode request = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        request.put("to", USER).put("agent_id", AGENT).put("message_type", "CONVERSATION");
        return hub().postJson("/v1/messages", request, "Authorization", V1_KEY);
    }

    private List<JsonNode> conversationEvents(String event) {
        return receiver.received().stream().filter(post -> post.answeredWith() < 300)
                .map(WebhookReceiver.Received::json)
                .filter(json -> json.path("event").asText().equals(event)
                        && json.path("data").path("from").asText().equals(USER))
                .toList();
    }

    private List<JsonNode> legacyEvents(int count) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        while (events.size() < count) {
            TextMessage message = (TextMessage) legacyConsumer.receive(10_000);
            assertThat(message).as("an event on switchboard.inbound").isNotNull();
            events.add(Fixtures.parse(message.getText()));
        }
        return events;
    }
}
