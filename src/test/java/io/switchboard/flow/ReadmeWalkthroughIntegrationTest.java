package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The README's walk-through, step by step, with its own example file and the sandbox webhook inbox. */
class ReadmeWalkthroughIntegrationTest extends HubIntegrationTest {

    @Test
    void shouldWorkAsTheReadmeShowsIt() throws Exception {
        String inbox = "/sandbox/webhook-inbox/readme";
        HubClient.Response subscribed = hub().postJson("/v1/webhooks", Map.of(
                "url", "http://127.0.0.1:" + port + inbox,
                "events", List.of("message.sent", "message.delivered", "message.read")), "Authorization", V1_KEY);
        assertThat(subscribed.status()).isEqualTo(201);
        String secret = subscribed.json().path("secret").asText();
        String subscription = subscribed.json().path("id").asText();

        HubClient.Response sent = hub().postJson("/v1/messages",
                Files.readAllBytes(Path.of("docs/examples/v1-first-message.json")), "Authorization", V1_KEY);
        assertThat(sent.status()).isEqualTo(202);
        String messageId = sent.json().path("message_id").asText();

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered", "read")::equals);
        assertThat(status(messageId).path("status").asText()).isEqualTo("read");

        eventually().until(() -> received(inbox, messageId).size() == 3);
        List<JsonNode> webhooks = received(inbox, messageId);
        assertThat(webhooks).extracting(webhook -> payload(webhook).path("event").asText())
                .containsExactlyInAnyOrder("message.sent", "message.delivered", "message.read");
        for (JsonNode webhook : webhooks) {
            HttpHeaders headers = HttpHeaders.of(Map.of(
                    "webhook-id", List.of(webhook.path("headers").path("webhook-id").asText()),
                    "webhook-timestamp", List.of(webhook.path("headers").path("webhook-timestamp").asText()),
                    "webhook-signature", List.of(webhook.path("headers").path("webhook-signature").asText())),
                    (name, value) -> true);
            assertThatCode(() -> new Webhook(secret).verify(webhook.path("body").asText(), headers))
                    .doesNotThrowAnyException();
        }

        // managing the subscription: a rotation, then a test event the inbox takes (it checks the signature)
        HubClient.Response rotated = hub().patchJson("/v1/webhooks/" + subscription, Map.of("rotate_secret", true),
                "Authorization", V1_KEY);
        assertThat(rotated.json().path("secret").asText()).startsWith("whsec_").isNotEqualTo(secret);
        HubClient.Response test = hub().post("/v1/webhooks/" + subscription + "/test", new byte[0],
                "Authorization", V1_KEY);
        assertThat(test.status()).isEqualTo(202);
        String testEvent = test.json().path("id").asText();
        eventually().until(() -> StreamSupport.stream(hub().get(inbox, "Authorization", OPERATOR).json()
                .path("received").spliterator(), false)
                .anyMatch(webhook -> payload(webhook).path("id").asText().equals(testEvent)));
        assertThat(hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY).status()).isEqualTo(204);
    }

    private List<JsonNode> received(String inbox, String messageId) {
        JsonNode all = hub().get(inbox, "Authorization", OPERATOR).json().path("received");
        return StreamSupport.stream(all.spliterator(), false)
                .filter(webhook -> payload(webhook).path("data").path("message_id").asText().equals(messageId))
                .toList();
    }

    /** The webhook body the inbox kept, exactly as it arrived. */
    private static JsonNode payload(JsonNode webhook) {
        try {
            return Fixtures.MAPPER.readTree(webhook.path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
