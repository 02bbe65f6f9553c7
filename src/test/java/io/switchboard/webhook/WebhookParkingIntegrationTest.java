package io.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.broker.BrokerProperties;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A subscriber whose breaker opened has its deliveries parked on the broker instead of retried one by one, and gets
 * every one of them once trial posts find it back. Its own context, with an open time short enough to watch.
 */
class WebhookParkingIntegrationTest extends HubIntegrationTest {

    @Autowired
    private BrokerProperties broker;

    @Autowired
    private WebhookEndpoints endpoints;

    private final WebhookReceiver subscriber = new WebhookReceiver();
    private String subscription;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "webhook-parking");
        registry.add("switchboard.webhooks.endpoint.open-for", () -> "2s");
        registry.add("switchboard.webhooks.endpoint.trial-calls", () -> "2");
    }

    @AfterEach
    void unsubscribe() {
        if (subscription != null) {
            assertThat(hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY).status())
                    .isEqualTo(204);
        }
        subscriber.close();
    }

    @Test
    void shouldParkAFailingSubscribersDeliveriesAndPostEachOnceItIsBack() {
        HubClient.Response created = hub().postJson("/v1/webhooks",
                Map.of("url", subscriber.url(), "events", List.of("message.delivered")), "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscription = created.json().path("id").asText();
        subscriber.failNext(Integer.MAX_VALUE);
        long deadLettersBefore = messagesAdded(broker.deadLetters());

        List<String> messages = new ArrayList<>();
        for (int message = 0; message < 6; message++) {
            messages.add(sendV1("+49176000031%02d".formatted(40 + message)));
        }
        eventually().until(() -> "OPEN".equals(endpoints.state(subscriber.url())));
        for (int message = 6; message < 12; message++) {
            messages.add(sendV1("+49176000031%02d".formatted(40 + message)));
        }
        eventually().until(() -> messagesAdded(broker.webhooksParked()) >= 6);
        int refusedPosts = subscriber.received().size();

        subscriber.failNext(0);

        // the open time, a trial, then everything parked: well within the retry schedule's next attempts
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> messages
                .stream().allMatch(message -> !subscriber.about(message, "message.delivered").isEmpty()));
        assertThat(messages).allSatisfy(message -> assertThat(subscriber.about(message, "message.delivered"))
                .as("accepted posts about %s", message).hasSize(1));
        assertThat(refusedPosts).as("posts the failing subscriber got: its breaker kept the others away")
                .isLessThan(messages.size() * 2);
        eventually().until(() -> messagesWaiting(broker.webhooksParked()) == 0);
        assertThat(messagesAdded(broker.deadLetters())).as("dead letters").isEqualTo(deadLettersBefore);
        assertThat(endpoints.state(subscriber.url())).isEqualTo("CLOSED");
    }
}
