package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each subscriber gets its events in its own dialect's shape, signed the way that dialect's clients check, with the
 * event's place in its message's timeline: v1 (the normalized envelope, Standard Webhooks and the vendor's
 * {@code sha256=} header), Pinnacle ({@code MESSAGE.STATUS} with {@code PINNACLE-SIGNING-SECRET}) and v5 (status
 * callbacks to a request's {@code callbackURL}, Standard Webhooks under the tenant's v5 password).
 */
class WebhookDialectsIntegrationTest extends HubIntegrationTest {

    private static final String DEMO_V5_PASSWORD = "sk_dev_v5";

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        for (String subscription : subscriptions) {
            assertThat(hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY).status()).isEqualTo(204);
        }
        receiver.close();
    }

    @Test
    void shouldSendAV1SubscriberEveryStatusOfAMessageWithItsPlaceInTheTimeline() {
        String secret = subscribe("v1", null, "message.queued", "message.sent", "message.delivered");

        String messageId = ExampleMessages.send(hub(), ExampleMessages.Credentials.DEMO, "v1", "+15557400310");

        eventually().until(() -> receiver.about(messageId, "message.delivered").size() == 1);
        List<WebhookReceiver.Received> posts = receiver.received().stream()
                .filter(post -> post.json().path("data").path("message_id").asText().equals(messageId))
                .sorted(Comparator.comparingLong(post -> post.json().path("data").path("sequence").asLong()))
                .toList();
        assertThat(posts).extracting(post -> post.json().path("event").asText())
                .containsExactly("message.queued", "message.sent", "message.delivered");
        assertThat(posts.get(0).json().path("data").path("sequence").asLong()).isEqualTo(1);
        assertThat(posts.get(0).json().path("data").path("queued_at").asText()).endsWith("Z");
        for (WebhookReceiver.Received post : posts) {
            assertThatCode(() -> new Webhook(secret).verify(post.body(), post.headers()))
                    .as("the Standard Webhooks library accepts %s", post.body()).doesNotThrowAnyException();
            assertThat(post.header("X-Arowana-Signature")).as("the v1 vendor's own signature")
                    .isEqualTo(io.switchboard.dialect.v1.V1Signatures.sign(secret,
                            post.body().getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void shouldSendAPinnacleSubscriberMessageStatusEventsWithItsSecret() {
        String secret = subscribe("pinnacle", null, "message.queued", "message.delivered");

        String messageId = ExampleMessages.send(hub(), ExampleMessages.Credentials.DEMO, "pinnacle", "+15557100310");

        eventually().until(() -> postsAbout(post -> post.json().path("message").path("id").asText()
                .equals(messageId)).size() == 2);
        List<WebhookReceiver.Received> posts = postsAbout(post -> post.json().path("message").path("id").asText()
                .equals(messageId));
        JsonNode delivered = posts.stream().map(WebhookReceiver.Received::json)
                .filter(event -> event.path("status").asText().equals("DELIVERED")).findFirst().orElseThrow();
        assertThat(delivered.path("type").asText()).isEqualTo("MESSAGE.STATUS");
        assertThat(delivered.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(delivered.path("conversation").path("to").asText()).isEqualTo("+15557100310");
        assertThat(delivered.path("message").path("type").asText()).isEqualTo("RCS_CARDS");
        assertThat(delivered.path("deliveredAt").asText()).endsWith("Z");
        assertThat(delivered.path("sequence").asLong()).isGreaterThan(1);
        assertThat(posts).allSatisfy(post -> assertThat(post.header("PINNACLE-SIGNING-SECRET")).isEqualTo(secret));
    }

    @Test
    void shouldPostV5StatusCallbacksToTheCallbackUrlOfTheRequest() {
        ExampleMessages.Request request = ExampleMessages.request(ExampleMessages.Credentials.DEMO, "v5",
                "+15557400320");
        ObjectNode body = request.body();
        body.put("callbackURL", receiver.url());

        String messageId = request.messageId(request.send(hub()));

        Predicate<WebhookReceiver.Received> aboutMessage = post -> post.json().path("messageGUID").asText()
                .equals(messageId);
        eventually().until(() -> postsAbout(aboutMessage).stream()
                .anyMatch(post -> post.json().path("status").asText().equals("DELIVERED")));
        List<WebhookReceiver.Received> posts = postsAbout(aboutMessage).stream()
                .sorted(Comparator.comparingLong(post -> post.json().path("sequence").asLong())).toList();
        assertThat(posts).extracting(post -> post.json().path("status").asText())
                .containsExactly("QUEUED", "SENT", "DELIVERED");
        String secret = "whsec_" + Base64.getEncoder().encodeToString(
                DEMO_V5_PASSWORD.getBytes(StandardCharsets.UTF_8));
        for (WebhookReceiver.Received post : posts) {
            assertThatCode(() -> new Webhook(secret).verify(post.body(), post.headers()))
                    .as("signed under the tenant's v5 password").doesNotThrowAnyException();
        }
    }

    private List<WebhookReceiver.Received> postsAbout(Predicate<WebhookReceiver.Received> about) {
        return receiver.received().stream().filter(post -> post.answeredWith() < 300).filter(about).toList();
    }

    /** Subscribes the receiver in the dialect; returns the subscription's secret. */
    private String subscribe(String dialect, String secret, String... events) {
        Map<String, Object> request = secret == null
                ? Map.of("url", receiver.url(), "events", List.of(events), "dialect", dialect)
                : Map.of("url", receiver.url(), "events", List.of(events), "dialect", dialect, "secret", secret);
        HubClient.Response created = hub().postJson("/v1/webhooks", request, "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscriptions.add(created.json().path("id").asText());
        return secret == null ? created.json().path("secret").asText() : secret;
    }
}
