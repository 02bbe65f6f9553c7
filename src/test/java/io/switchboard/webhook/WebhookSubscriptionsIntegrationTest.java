package io.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.broker.BrokerProperties;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client manages its subscriptions over HTTP (show, change, disable and enable, test, delete), and the hub keeps
 * each one's state from what its endpoint answers: a 410 disables it, a Retry-After puts the next attempt off.
 */
class WebhookSubscriptionsIntegrationTest extends HubIntegrationTest {

    @Autowired
    private BrokerProperties broker;

    @Autowired
    private MeterRegistry meters;

    private WebhookReceiver receiver;
    private String id;
    private String secret;

    @BeforeEach
    void subscribe() {
        receiver = new WebhookReceiver();
        HubClient.Response created = hub().postJson("/v1/webhooks", Map.of("url", receiver.url(),
                "events", List.of("message.delivered"), "dialect", "v1"), "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        id = created.json().path("id").asText();
        secret = created.json().path("secret").asText();
        assertThat(created.json().path("state").asText()).isEqualTo("active");
    }

    @AfterEach
    void unsubscribe() {
        hub().delete("/v1/webhooks/" + id, "Authorization", V1_KEY);
        receiver.close();
    }

    @Test
    void shouldShowChangeDisableEnableAndDeleteASubscription() {
        JsonNode shown = webhook();
        assertThat(shown.path("url").asText()).isEqualTo(receiver.url());
        assertThat(shown.path("dialect").asText()).isEqualTo("v1");
        assertThat(shown.has("secret")).as("the secret is shown at creation only").isFalse();

        HubClient.Response changed = patch(Map.of("url", receiver.url() + "/moved",
                "events", List.of("message.read", "message.failed"), "dialect", "v1"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(webhook().path("url").asText()).isEqualTo(receiver.url() + "/moved");
        assertThat(webhook().path("events")).extracting(JsonNode::asText)
                .containsExactly("message.failed", "message.read");

        assertThat(patch(Map.of("enabled", false)).json().path("state").asText()).isEqualTo("disabled");
        assertThat(webhook().path("disabled_reason").asText()).isEqualTo("client");
        HubClient.Response refused = hub().post("/v1/webhooks/" + id + "/test", new byte[0], "Authorization", V1_KEY);
        assertThat(refused.status()).as("a disabled subscription gets no test").isEqualTo(409);
        JsonNode enabled = patch(Map.of("enabled", true)).json();
        assertThat(enabled.path("state").asText()).isEqualTo("active");
        assertThat(enabled.has("disabled_reason")).isFalse();

        assertThat(hub().get("/v1/webhooks/" + id, "Authorization", OTHER_TENANT_V1_KEY).status())
                .as("another tenant's").isEqualTo(404);
        assertThat(hub().delete("/v1/webhooks/" + id, "Authorization", V1_KEY).status()).isEqualTo(204);
        HubClient.Response gone = hub().get("/v1/webhooks/" + id, "Authorization", V1_KEY);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void shouldRefuseBadChangesWithEveryFieldsPathAndChangeNothing() {
        HubClient.Response refused = patch(Map.of("url", "ftp://hooks.example/a", "events", List.of("message.nope"),
                "dialect", "channels", "secret", "not-a-secret"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("validation_error");
        assertThat(refused.json().path("details").findValuesAsText("field"))
                .containsExactly("url", "events[0]", "dialect", "secret");
        // the dialects that render webhooks, v1 among them; channels has no webhook shape
        assertThat(refused.json().path("details").get(2).path("message").asText()).startsWith("must be one of ")
                .contains("v1").doesNotContain("channels");
        assertThat(webhook().path("url").asText()).isEqualTo(receiver.url());
        HubClient.Response wrongType = patch(Map.of("enabled", "yes"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("details").get(0).path("field").asText()).isEqualTo("enabled");
    }

    @Test
    void shouldDeliverASignedTestEventThroughTheDeliveryQueue() throws Exception {
        HubClient.Response queued = hub().post("/v1/webhooks/" + id + "/test", new byte[0], "Authorization", V1_KEY);

        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        String eventId = queued.json().path("id").asText();
        assertThat(eventId).startsWith("evt_");
        eventually().until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received test = receiver.received().get(0);
        assertThat(test.header("webhook-id")).isEqualTo(eventId);
        assertThat(test.json().path("event").asText()).isEqualTo("webhook.test");
        assertThat(test.json().path("id").asText()).isEqualTo(eventId);
        assertThat(test.json().path("data").path("webhook_id").asText()).isEqualTo(id);
        new Webhook(secret).verify(test.body(), test.headers());
    }

    @Test
    void shouldDisableASubscriptionWhoseEndpointAnswersGoneWithoutRetryingOrDeadLettering() {
        double goneBefore = disabled("gone");
        long deadLettersBefore = messagesAdded(broker.deadLetters());
        receiver.answerNext(410);

        hub().post("/v1/webhooks/" + id + "/test", new byte[0], "Authorization", V1_KEY);

        eventually().until(() -> webhook().path("state").asText().equals("disabled"));
        JsonNode disabled = webhook();
        assertThat(disabled.path("disabled_reason").asText()).isEqualTo("gone");
        assertThat(disabled.path("disabled_at").asText()).isNotEmpty();
        assertThat(disabled.path("last_failure").path("status").asInt()).isEqualTo(410);
        assertThat(disabled("gone")).isEqualTo(goneBefore + 1);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::answeredWith).containsExactly(410);
        assertThat(messagesAdded(broker.deadLetters())).isEqualTo(deadLettersBefore);

        String messageId = sendV1("+4917600000731");
        eventually().until(() -> timeline(messageId).contains("delivered"));
        assertThat(receiver.attemptsAbout(messageId)).as("a disabled subscription gets nothing").isEmpty();
    }

    @Test
    void shouldNotPostAgainBeforeTheTimeTheEndpointsRetryAfterAsked() throws Exception {
        receiver.answerNext(429, "Retry-After", "2");

        hub().post("/v1/webhooks/" + id + "/test", new byte[0], "Authorization", V1_KEY);

        eventually().until(() -> receiver.received().size() == 2);
        List<WebhookReceiver.Received> attempts = receiver.received();
        assertThat(attempts).extracting(WebhookReceiver.Received::answeredWith).containsExactly(429, 204);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .as("the broker's own retry would come after 200 ms").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(attempts.get(1).header("webhook-id")).isEqualTo(attempts.get(0).header("webhook-id"));
        new Webhook(secret).verify(attempts.get(1).body(), attempts.get(1).headers());
        eventually().until(() -> webhook().path("state").asText().equals("active"));
        assertThat(webhook().path("last_failure").path("status").asInt()).isEqualTo(429);
    }

    private JsonNode webhook() {
        HubClient.Response shown = hub().get("/v1/webhooks/" + id, "Authorization", V1_KEY);
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        return shown.json();
    }

    private HubClient.Response patch(Map<String, ?> changes) {
        return hub().patchJson("/v1/webhooks/" + id, changes, "Authorization", V1_KEY);
    }

    private double disabled(String reason) {
        return meters.get(WebhookOutcomes.DISABLED_METRIC).tag("reason", reason).counter().count();
    }
}
