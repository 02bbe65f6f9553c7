package io.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.Jolokia;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A carrier that stays unavailable through every broker attempt: the message fails with the reason and waits on the
 * dead-letter queue, where an operator lists it and replays it, through the actuator or Hawtio's Jolokia (here with
 * two attempts, and a sandbox carrier that answers 503 twice, so the replay gets through).
 */
class DeadLettersIntegrationTest extends HubIntegrationTest {

    @DynamicPropertySource
    static void twoAttempts(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "dead-letters");
        registry.add("switchboard.broker.dispatch-retry.attempts", () -> "2");
        registry.add("switchboard.broker.dispatch-retry.first-delay", () -> "100ms");
        registry.add("switchboard.sandbox.flaky-failures", () -> "2");
    }

    @Autowired
    private HubMBeans mbeans;

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
    void shouldListAndReplayDeadLettersThroughJolokiaAsHawtioDoes() {
        Jolokia jolokia = new Jolokia(hub());
        ObjectName deadLetters = mbeans.nameOf("type=DeadLetters");
        String one = sendV1("+15557400203");
        String other = sendV1("+15557400303");

        eventually().until(() -> jolokia.read(deadLetters, "Count").asInt() == 2);
        JsonNode letters = jolokia.read(deadLetters, "DeadLetters");
        assertThat(letters.findValuesAsText("messageId")).containsExactlyInAnyOrder(one, other);
        assertThat(letters.findValuesAsText("originalQueue")).containsOnly("switchboard.outbound");
        assertThat(letters.findValuesAsText("reason")).allSatisfy(reason -> assertThat(reason)
                .startsWith("sandbox-v5: "));
        String oneLetter = StreamSupport.stream(letters.spliterator(), false)
                .filter(letter -> letter.path("messageId").asText().equals(one)).findFirst().orElseThrow()
                .path("id").asText();

        JsonNode replayed = jolokia.exec(deadLetters, "replay", oneLetter);

        assertThat(replayed.path("id").asText()).isEqualTo(oneLetter);
        assertThat(replayed.path("messageId").asText()).isEqualTo(one);
        eventually().until(() -> timeline(one), List.of("queued", "failed", "sent", "delivered")::equals);
        assertThat(jolokia.read(deadLetters, "DeadLetters").findValuesAsText("messageId")).containsExactly(other);
        assertThat(jolokia.exec(deadLetters, "replayAll", "switchboard.webhook.deliveries").asInt()).isZero();
        assertThat(jolokia.exec(deadLetters, "replayAll", "switchboard.outbound").asInt()).isEqualTo(1);
        eventually().until(() -> timeline(other), List.of("queued", "failed", "sent", "delivered")::equals);
        assertThat(jolokia.read(deadLetters, "Count").asInt()).isZero();
        assertThat(jolokia.answer(Jolokia.Request.exec(deadLetters.toString(), "replay", oneLetter))
                .path("error").asText()).as("replayed once").contains("No dead letter " + oneLetter);
    }

    @Test
    void shouldShowTheDeadLettersToOperatorsOnly() {
        assertThat(hub().get("/actuator/deadletters").status()).isEqualTo(401);
    }
}
