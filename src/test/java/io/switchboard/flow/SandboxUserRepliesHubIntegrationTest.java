package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sandbox.SandboxCallbacks;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sandbox users who answer, through the whole hub: a row-07 user of each sandbox carrier taps the message's first
 * suggestion (or writes, on SMS), and a user the operator makes reply writes; each carrier posts its own dialect's
 * inbound callback, the hub takes it (none held or given up), opens the conversation and tells a v1 subscriber.
 */
class SandboxUserRepliesHubIntegrationTest extends HubIntegrationTest {

    @Autowired
    private SandboxCallbacks callbacks;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private String subscription;

    @BeforeEach
    void subscribe() {
        HubClient.Response created = hub().postJson("/v1/webhooks", Map.of("url", receiver.url(), "events",
                List.of("conversation.started", "message.received")), "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscription = created.json().path("id").asText();
    }

    @AfterEach
    void unsubscribe() {
        assertThat(hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY).status()).isEqualTo(204);
        receiver.close();
    }

    /** Pinnacle, v1, Channels and v5 sandbox carriers, by the routing rules' prefixes. */
    @ParameterizedTest
    @ValueSource(strings = {"+15557100907", "+15557200907", "+15557300907", "+15557400907"})
    void shouldOpenAConversationWhenARow07UserAnswers(String recipient) {
        long givenUpBefore = callbacks.tally().givenUp();

        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), events -> events.containsAll(
                List.of("delivered", "started", "received")));
        eventually().until(() -> received(recipient, "message.received").size() == 1);
        JsonNode started = received(recipient, "conversation.started").get(0).path("data");
        assertThat(started.path("in_reply_to").asText()).isEqualTo(messageId);
        assertThat(started.path("user_message").path("type").asText()).isIn("suggested_reply", "text");
        eventually().until(() -> callbacks.tally().pending() == 0);
        assertThat(callbacks.tally().givenUp()).isEqualTo(givenUpBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+15557100911", "+15557200911", "+15557400911"})
    void shouldTellTheSubscriberWhatAUserTheOperatorMadeReplyWrote(String recipient) {
        String messageId = sendV1(recipient);
        eventually().until(() -> timeline(messageId).contains("delivered"));

        HubClient.Response replied = hub().postJson("/sandbox/users/" + recipient + "/replies",
                Map.of("text", "Where is my parcel?"), "Authorization", OPERATOR);

        assertThat(replied.status()).as(replied.toString()).isEqualTo(202);
        eventually().until(() -> received(recipient, "message.received").size() == 1);
        JsonNode data = received(recipient, "message.received").get(0).path("data");
        assertThat(data.path("user_message").path("text").asText()).isEqualTo("Where is my parcel?");
        assertThat(data.path("in_reply_to").asText()).isEqualTo(messageId);
    }

    private List<JsonNode> received(String user, String event) {
        return receiver.received().stream().filter(post -> post.answeredWith() < 300)
                .map(WebhookReceiver.Received::json)
                .filter(json -> json.path("event").asText().equals(event)
                        && json.path("data").path("from").asText().equals(user))
                .toList();
    }
}
