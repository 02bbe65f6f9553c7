package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.switchboard.dialect.v1.V1Signatures;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whichever carrier dialect reports a message's statuses, a subscriber in each payload dialect gets every one of them
 * in its own shape, exactly once per {@code webhook-id}, verified as its clients verify: v1 and v5 with the Standard
 * Webhooks library (and v1's {@code sha256=} header by its rule), Pinnacle by comparing its signing-secret header.
 * The v1 subscriber is down (answers 503) for its first posts and gets them on the retries.
 */
class EveryCarrierToEverySubscriberIntegrationTest extends HubIntegrationTest {

    private static final List<String> EVENTS = List.of("message.queued", "message.sent", "message.delivered",
            "message.read", "message.failed");

    private final Map<String, WebhookReceiver> receivers = Map.of("v1", new WebhookReceiver(),
            "pinnacle", new WebhookReceiver(), "v5", new WebhookReceiver());
    private final Map<String, String> secrets = new HashMap<>();
    private final List<String> subscriptions = new ArrayList<>();

    /** How each payload dialect names the hub's message a post is about. */
    private static final Map<String, Function<JsonNode, String>> MESSAGE_ID = Map.of(
            "v1", post -> post.path("data").path("message_id").asText(),
            "pinnacle", post -> post.path("message").path("id").asText(),
            "v5", post -> post.path("messageGUID").asText());

    @AfterEach
    void unsubscribe() {
        for (String subscription : subscriptions) {
            assertThat(hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY).status()).isEqualTo(204);
        }
        receivers.values().forEach(WebhookReceiver::close);
    }

    @ParameterizedTest(name = "callbacks of a {0} carrier")
    @CsvSource({"v5, +15557400804", "pinnacle, +15557100804", "v1, +15557200804", "channels, +15557300804"})
    void shouldReachASubscriberOfEachDialectOncePerWebhookIdVerified(String carrier, String recipient) {
        receivers.forEach((dialect, receiver) -> subscribe(dialect, receiver));
        receivers.get("v1").failNext(2);

        String messageId = ExampleMessages.send(hub(), ExampleMessages.Credentials.DEMO, "v1", recipient);

        eventually().until(() -> timeline(messageId), events -> events.contains("delivered"));
        for (String dialect : receivers.keySet()) {
            eventually().alias(dialect + " subscriber")
                    .until(() -> webhookIds(dialect, messageId).size() == expectedEvents(messageId).size());
        }
        for (String dialect : receivers.keySet()) {
            List<WebhookReceiver.Received> accepted = accepted(dialect, messageId);
            Map<String, Long> perWebhookId = accepted.stream()
                    .collect(Collectors.groupingBy(post -> post.header("webhook-id"), Collectors.counting()));
            assertThat(perWebhookId.values()).as("%s: once per webhook-id", dialect).allMatch(count -> count == 1);
            accepted.forEach(post -> assertVerified(dialect, post));
        }
        assertThat(receivers.get("v1").attemptsAbout(messageId)).as("the v1 subscriber's refused posts came again")
                .anyMatch(post -> post.answeredWith() == 503);
    }

    private void assertVerified(String dialect, WebhookReceiver.Received post) {
        String secret = secrets.get(dialect);
        if (dialect.equals("pinnacle")) {
            assertThat(post.header("PINNACLE-SIGNING-SECRET")).isEqualTo(secret);
            return;
        }
        assertThatCode(() -> new Webhook(secret).verify(post.body(), post.headers()))
                .as("%s post %s", dialect, post.body()).doesNotThrowAnyException();
        if (dialect.equals("v1")) {
            assertThat(post.header(V1Signatures.HEADER))
                    .isEqualTo(V1Signatures.sign(secret, post.body().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The statuses the message's timeline holds that the subscriptions asked for. */
    private Set<String> expectedEvents(String messageId) {
        return timeline(messageId).stream().map(word -> "message." + word).filter(EVENTS::contains)
                .collect(Collectors.toSet());
    }

    private Set<String> webhookIds(String dialect, String messageId) {
        return accepted(dialect, messageId).stream().map(post -> post.header("webhook-id"))
                .collect(Collectors.toSet());
    }

    private List<WebhookReceiver.Received> accepted(String dialect, String messageId) {
        return receivers.get(dialect).received().stream()
                .filter(post -> post.answeredWith() < 300)
                .filter(post -> MESSAGE_ID.get(dialect).apply(post.json()).equals(messageId))
                .toList();
    }

    private void subscribe(String dialect, WebhookReceiver receiver) {
        HubClient.Response created = hub().postJson("/v1/webhooks", Map.of("url", receiver.url(), "events", EVENTS,
                "dialect", dialect), "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscriptions.add(created.json().path("id").asText());
        secrets.put(dialect, created.json().path("secret").asText());
    }
}
