package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Each row of the sandbox table (README), as the v5 RCS carrier plays it, seen in the message's timeline. */
class SandboxCarrierIntegrationTest extends HubIntegrationTest {

    @Autowired
    private SandboxLedger sandbox;

    private List<Integer> carrierAnswers(String recipient) {
        String digits = recipient.substring(1);
        return sandbox.entries().stream().filter(entry -> entry.recipient().equals(digits))
                .map(SandboxLedger.Entry::httpStatus).toList();
    }

    @ParameterizedTest(name = "…{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "04 | read      | queued sent delivered read",
        "05 | delivered | queued sent delivered",
        "06 | delivered | queued sent delivered",
        "42 | delivered | queued sent delivered"})
    void shouldEndInTheRowsStatusWithItsTimeline(String lastDigits, String finalStatus, String events) {
        String recipient = "+1555010" + lastDigits.substring(0, 1) + "0" + lastDigits;
        String messageId = sendV1(recipient);

        List<String> expected = List.of(events.split(" "));
        eventually().during(Duration.ofMillis(400)).until(() -> timeline(messageId), expected::equals);
        assertThat(status(messageId).path("status").asText()).isEqualTo(finalStatus);
        assertThat(carrierAnswers(recipient)).containsExactly(200);
    }

    @Test
    void shouldRecordTheSynchronousRefusalOfARecipientThatIsNotRcsCapable() {
        String messageId = sendV1("+15550100200");

        eventually().until(() -> timeline(messageId), List.of("queued", "failed")::equals);
        JsonNode status = status(messageId);
        assertThat(status.path("status").asText()).isEqualTo("failed");
        assertThat(status.path("events").get(1).path("reason").asText()).contains("not RCS capable");
        assertThat(carrierAnswers("+15550100200")).containsExactly(400);
    }

    @Test
    void shouldRecordALaterFailureCallback() {
        String messageId = sendV1("+15550100201");

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "failed")::equals);
        assertThat(status(messageId).path("events").get(2).path("reason").asText())
                .isEqualTo("Recipient handset rejected the message");
    }

    @Test
    void shouldStayAtSentWhenTheCarrierNeverCallsBack() {
        String messageId = sendV1("+15550100202");

        eventually().during(Duration.ofMillis(500)).until(() -> timeline(messageId), List.of("queued", "sent")::equals);
        assertThat(status(messageId).path("status").asText()).isEqualTo("sent");
    }

    @Test
    void shouldRetryThroughTheBrokerUntilTheThirdAttemptIsAccepted() {
        String messageId = sendV1("+15550100203");

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        assertThat(carrierAnswers("+15550100203")).containsExactly(503, 503, 200);
    }
}
