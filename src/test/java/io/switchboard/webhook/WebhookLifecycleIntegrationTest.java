package io.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What time does to a subscription: a rotated-out secret signs beside the new one until the overlap is over, and a
 * subscription failing for longer than the hub bears is disabled. Its own context, with both times short enough to
 * watch.
 */
class WebhookLifecycleIntegrationTest extends HubIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private String id;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "webhook-lifecycle");
        registry.add("switchboard.webhooks.secret-overlap", () -> "3s");
        registry.add("switchboard.webhooks.disable-after", () -> "2s");
        // the endpoint's breaker would park the deliveries of the failing subscription: not what is watched here
        registry.add("switchboard.webhooks.endpoint.window", () -> "50");
        registry.add("switchboard.webhooks.endpoint.minimum-calls", () -> "50");
    }

    @AfterEach
    void unsubscribe() {
        if (id != null) {
            assertThat(hub().delete("/v1/webhooks/" + id, "Authorization", V1_KEY).status()).isEqualTo(204);
        }
        receiver.close();
    }

    @Test
    void shouldSignWithTheOldAndTheNewSecretDuringTheOverlapAndWithTheNewOneAfterIt() {
        String oldSecret = subscribe().path("secret").asText();

        HubClient.Response rotated = hub().patchJson("/v1/webhooks/" + id, Map.of("rotate_secret", true),
                "Authorization", V1_KEY);

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.json().path("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        Instant overlapEnds = Instant.parse(rotated.json().path("previous_secret_expires_at").asText());
        WebhookReceiver.Received during = test(1);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        assertThatCode(() -> new Webhook(newSecret).verify(during.body(), during.headers()))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(oldSecret).verify(during.body(), during.headers()))
                .as("a receiver that has not switched yet").doesNotThrowAnyException();

        eventually().until(() -> Instant.now().isAfter(overlapEnds));
        WebhookReceiver.Received after = test(2);
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        assertThatCode(() -> new Webhook(newSecret).verify(after.body(), after.headers())).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(oldSecret).verify(after.body(), after.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void shouldDisableASubscriptionFailingForLongerThanTheLimitAndEnableItAgainOnRequest() {
        subscribe();
        double failingBefore = meters.get(WebhookOutcomes.DISABLED_METRIC).tag("reason", "failing").counter().count();
        receiver.failNext(Integer.MAX_VALUE);

        hub().post("/v1/webhooks/" + id + "/test", new byte[0], "Authorization", V1_KEY);

        eventually().until(() -> webhook().path("state").asText().equals("disabled"));
        JsonNode disabled = webhook();
        assertThat(disabled.path("disabled_reason").asText()).isEqualTo("failing");
        Instant failingSince = Instant.parse(disabled.path("failing_since").asText());
        assertThat(Instant.parse(disabled.path("disabled_at").asText())).isAfter(failingSince.plusSeconds(2));
        assertThat(disabled.path("last_failure").path("status").asInt()).isEqualTo(503);
        assertThat(meters.get(WebhookOutcomes.DISABLED_METRIC).tag("reason", "failing").counter().count())
                .isEqualTo(failingBefore + 1);

        receiver.failNext(0);
        JsonNode enabled = hub().patchJson("/v1/webhooks/" + id, Map.of("enabled", true), "Authorization", V1_KEY)
                .json();
        assertThat(enabled.path("state").asText()).isEqualTo("active");
        assertThat(enabled.has("failing_since")).isFalse();
        int before = receiver.received().size();
        assertThat(hub().post("/v1/webhooks/" + id + "/test", new byte[0], "Authorization", V1_KEY).status())
                .isEqualTo(202);
        eventually().until(() -> receiver.received().stream().skip(before)
                .anyMatch(request -> request.answeredWith() == 204));
    }

    private JsonNode subscribe() {
        HubClient.Response created = hub().postJson("/v1/webhooks",
                Map.of("url", receiver.url(), "events", List.of("message.delivered")), "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        id = created.json().path("id").asText();
        return created.json();
    }

    /** Asks for a test event and waits for the receiver's {@code count}th request, which it returns. */
    private WebhookReceiver.Received test(int count) {
        assertThat(hub().post("/v1/webhooks/" + id + "/test", new byte[0], "Authorization", V1_KEY).status())
                .isEqualTo(202);
        eventually().until(() -> receiver.received().size() == count);
        return receiver.received().get(count - 1);
    }

    private JsonNode webhook() {
        return hub().get("/v1/webhooks/" + id, "Authorization", V1_KEY).json();
    }
}
