package io.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.BlackHoleEndpoint;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A subscriber that takes connections and never answers must not hold up anyone else's webhooks. */
class WebhookIsolationIntegrationTest extends HubIntegrationTest {

    private static final List<String> EVENTS = List.of("message.sent", "message.delivered", "message.failed");

    @Autowired
    private WebhookEndpointProperties endpointLimits;

    @Value("${switchboard.webhooks.consumers}")
    private int deliveryConsumers;

    private BlackHoleEndpoint blackHole;
    private WebhookReceiver healthy;
    private String blackHoleSubscription;
    private String healthySubscription;

    @BeforeEach
    void subscribe() throws IOException {
        blackHole = new BlackHoleEndpoint();
        healthy = new WebhookReceiver();
        blackHoleSubscription = subscribe(blackHole.url());
    }

    @AfterEach
    void unsubscribe() throws IOException {
        for (String subscription : List.of(blackHoleSubscription, healthySubscription)) {
            if (subscription != null) {
                assertThat(hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY).status())
                        .isEqualTo(204);
            }
        }
        healthy.close();
        blackHole.close();
    }

    @Test
    void shouldDeliverToAHealthySubscriberWhileAnotherHoldsItsShareOfTheConsumers() {
        assertThat(endpointLimits.maxConcurrent()).as("one endpoint's share leaves consumers for the others")
                .isLessThan(deliveryConsumers);
        for (int message = 0; message < 10; message++) {
            sendV1("+49176000007%02d".formatted(20 + message));
        }
        eventually().until(() -> blackHole.openNow() >= endpointLimits.maxConcurrent());
        healthySubscription = subscribe(healthy.url());

        List<String> messages = List.of(sendV1("+4917600000711"), sendV1("+4917600000712"),
                sendV1("+4917600000713"), sendV1("+4917600000714"), sendV1("+4917600000715"),
                sendV1("+4917600000716"));

        // well inside the 15 s the black hole holds each post: only the consumers it does not hold can deliver these
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> messages
                .stream().allMatch(message -> healthy.about(message, "message.delivered").size() == 1));
        assertThat(blackHole.requestsTaken()).as("the black hole was offered deliveries").isPositive();
        assertThat(blackHole.mostOpenAtOnce()).as("posts held by the black hole at one time")
                .isLessThanOrEqualTo(endpointLimits.maxConcurrent());
    }

    private String subscribe(String url) {
        HubClient.Response created = hub().postJson("/v1/webhooks", Map.of("url", url, "events", EVENTS),
                "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }
}
