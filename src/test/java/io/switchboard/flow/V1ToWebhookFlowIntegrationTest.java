package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.apache.activemq.artemis.jms.client.ActiveMQTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** The foundation's whole flow: POST /v1/messages to a signed webhook, through the broker and the v5 sandbox. */
class V1ToWebhookFlowIntegrationTest extends HubIntegrationTest {

    @Autowired
    private SandboxLedger sandbox;

    @Autowired
    private ConnectionFactory connectionFactory;

    private WebhookReceiver receiver;
    private String secret;
    private String subscriptionId;

    @BeforeEach
    void subscribe() {
        receiver = new WebhookReceiver();
        JsonNode created = subscribe(receiver.url(),
                List.of("message.sent", "message.delivered", "message.read", "message.failed"));
        secret = created.path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        subscriptionId = created.path("id").asText();
        assertThat(subscriptionId).startsWith("wh_");
    }

    @AfterEach
    void unsubscribe() {
        assertThat(hub().delete("/v1/webhooks/" + subscriptionId, "Authorization", V1_KEY).status()).isEqualTo(204);
        receiver.close();
    }

    @Test
    void shouldDeliverAVerifiableWebhookForAMessageSentThroughV1() {
        ObjectNode request = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");

        HubClient.Response accepted = hub().postJson("/v1/messages", request, "Authorization", V1_KEY);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode queued = accepted.json();
        String messageId = queued.path("message_id").asText();
        assertThat(messageId).matches("msg_[0-9a-z]{26}");
        assertThat(queued.path("status").asText()).isEqualTo("queued");
        assertThat(queued.path("created_at").asText()).endsWith("Z");

        eventually().until(() -> receiver.about(messageId, "message.delivered").size() == 1);
        WebhookReceiver.Received delivered = receiver.about(messageId, "message.delivered").get(0);
        assertThatCode(() -> new Webhook(secret).verify(delivered.body(), delivered.headers()))
                .as("the Standard Webhooks reference library accepts the signature")
                .doesNotThrowAnyException();
        assertThat(delivered.header("webhook-id")).isEqualTo(delivered.json().path("id").asText());
        assertThat(delivered.headers().map().keySet()).as("no internal header reaches a subscriber")
                .noneMatch(V1ToWebhookFlowIntegrationTest::isInternal);
        JsonNode data = delivered.json().path("data");
        assertThat(data.path("status").asText()).isEqualTo("delivered");
        assertThat(data.path("to").asText()).isEqualTo("+4917612345678");
        assertThat(data.path("agent_id").asText()).isEqualTo("ag_live_xxxx");
        assertThat(data.path("delivered_at").asText()).isNotEmpty();

        eventually().until(() -> timeline(messageId).contains("delivered"));
        JsonNode status = status(messageId);
        assertThat(status.path("status").asText()).isEqualTo("delivered");
        assertThat(status.path("id").asText()).isEqualTo(messageId);
        assertThat(timeline(messageId)).containsExactly("queued", "sent", "delivered");
    }

    @Test
    void shouldSendTheCarrierAV5RequestWithTheSuggestionsAsChoices() {
        String messageId = sendV1("+4917600000077");

        eventually().until(() -> receiver.about(messageId, "message.delivered").size() == 1);
        List<SandboxLedger.Entry> sends = sandbox.entries().stream()
                .filter(entry -> entry.recipient().equals("4917600000077")).toList();
        assertThat(sends).hasSize(1);
        JsonNode carrierRequest = Fixtures.MAPPER.valueToTree(sends.get(0).request());
        ObjectNode expected = (ObjectNode) Fixtures.tree("v5/send-text-with-suggestions.json");
        expected.put("destination", "4917600000077");
        expected.set("callbackURL", carrierRequest.get("callbackURL"));
        assertThat(carrierRequest).isEqualTo(expected);
        assertThat(carrierRequest.path("callbackURL").asText())
                .contains("/callbacks/v5?leg=" + messageId + "-1&token=");
        assertThat(sends.get(0).headerNames()).contains("authorization", "content-type")
                .as("no internal header reaches a carrier").noneMatch(V1ToWebhookFlowIntegrationTest::isInternal);
    }

    @Test
    void shouldRetryAWebhookTheReceiverRefusedUntilItIsAccepted() {
        receiver.failNext(2);

        String messageId = sendV1("+4917600000088");

        eventually().until(() -> receiver.about(messageId, "message.delivered").size() == 1
                && receiver.about(messageId, "message.sent").size() == 1);
        List<WebhookReceiver.Received> attempts = receiver.attemptsAbout(messageId);
        assertThat(attempts).extracting(WebhookReceiver.Received::answeredWith)
                .as("two refused attempts, then one accepted per event")
                .containsExactlyInAnyOrder(503, 503, 204, 204);
        for (String event : List.of("message.sent", "message.delivered")) {
            List<WebhookReceiver.Received> ofEvent = attempts.stream()
                    .filter(attempt -> attempt.json().path("event").asText().equals(event)).toList();
            assertThat(ofEvent).extracting(attempt -> attempt.header("webhook-id")).as("same id on every retry")
                    .containsOnly(ofEvent.get(0).json().path("id").asText());
            assertThat(ofEvent).allSatisfy(attempt -> assertThatCode(() -> new Webhook(secret)
                    .verify(attempt.body(), attempt.headers())).doesNotThrowAnyException());
        }
    }

    @Test
    void shouldRenderAWebhookFromTheEventAloneWithoutReadingTheMessageBack() throws Exception {
        // published as dispatch and callbacks publish, for a message the store does not hold: the event is all there is
        String messageId = Ids.messageId();
        DeliveryEvent event = new DeliveryEvent(Ids.eventId(), EventType.DELIVERED, Instant.now(), messageId, "demo",
                "sandbox-v5", "carrier-" + messageId, Channel.RCS, null,
                new Envelope("ag_from_the_event", "+4917600000099", Channel.RCS));

        String json = Fixtures.MAPPER.writeValueAsString(event);
        new JmsTemplate(connectionFactory).send(new ActiveMQTopic("switchboard.events"), session -> {
            TextMessage message = session.createTextMessage(json);
            message.setStringProperty("JMSXGroupID", messageId);
            return message;
        });

        eventually().until(() -> receiver.about(messageId, "message.delivered").size() == 1);
        JsonNode data = receiver.about(messageId, "message.delivered").get(0).json().path("data");
        assertThat(data.path("agent_id").asText()).isEqualTo("ag_from_the_event");
        assertThat(data.path("to").asText()).isEqualTo("+4917600000099");
        assertThat(data.path("channel").asText()).isEqualTo("RCS");
    }

    private static boolean isInternal(String header) {
        String name = header.toLowerCase();
        return name.startsWith("jms") || name.startsWith("camel") || name.startsWith("switchboard")
                || name.startsWith("_amq");
    }
}
