package io.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A carrier that stays unavailable through every broker attempt: the message fails with the reason and waits on the
 * dead-letter queue, where an operator lists it and replays it (here with two attempts, and a sandbox carrier that
 * answers 503 twice, so the replay gets through).
 */
class DeadLettersIntegrationTest extends HubIntegrationTest {

    @DynamicPropertySource
    static void twoAttempts(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "dead-letters");
        registry.add("switchboard.broker.dispatch-retry.attempts", () -> "2");
        registry.add("switchboard.broker.dispatch-retry.first-delay", () -> "100ms");
        registry.add("switchboard.sandbox.flaky-failures", () -> "2");
    }

    private JsonNode deadLetters() {
        HubClient.Response listed = hub().get("/actuator/deadletters", "Authorization", OPERATOR);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json();
    }

    @Test
    void shouldFailTheMessageWithTheReasonAndReplayItFromTheDeadLetterQueue() {
        String messageId = sendV1("+15557400103");

        eventually().until(() -> timeline(messageId), List.of("queued", "failed")::equals);
        assertThat(status(messageId).path("events").get(1).path("reason").asText())
                .startsWith("retries exhausted, moved to the dead-letter queue: sandbox-v5: ");
        eventually().until(() -> deadLetters().size() == 1);
        JsonNode letter = deadLetters().get(0);
        assertThat(letter.path("messageId").asText()).isEqualTo(messageId);
        assertThat(letter.path("originalQueue").asText()).isEqualTo("switchboard.outbound");
        assertThat(letter.path("reason").asText()).startsWith("sandbox-v5: ");

        HubClient.Response replayed = hub().postJson("/actuator/deadletters/" + letter.path("id").asText(),
                new byte[0], "Authorization", OPERATOR);

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        eventually().until(() -> timeline(messageId), List.of("queued", "failed", "sent", "delivered")::equals);
        assertThat(status(messageId).path("status").asText()).isEqualTo("delivered");
        assertThat(deadLetters()).isEmpty();
        assertThat(hub().postJson("/actuator/deadletters/" + letter.path("id").asText(), new byte[0],
                "Authorization", OPERATOR).status()).as("replayed once").isEqualTo(404);
    }

    @Test
    void shouldShowTheDeadLettersToOperatorsOnly() {
        assertThat(hub().get("/actuator/deadletters").status()).isEqualTo(401);
    }
}
