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

/**
 * The rows of the sandbox table (README) that need no failover, as the v5 RCS carrier plays them, seen in the
 * message's timeline; FailoverIntegrationTest plays rows 00 to 02.
 */
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
    void shouldRetryThroughTheBrokerUntilTheThirdAttemptIsAccepted() {
        String messageId = sendV1("+15550100203");

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        assertThat(carrierAnswers("+15550100203")).containsExactly(503, 503, 200);
    }
}
