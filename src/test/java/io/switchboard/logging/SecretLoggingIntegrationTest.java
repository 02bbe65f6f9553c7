package io.switchboard.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.JsonLogLines;
import io.switchboard.testing.LoggerLevelForClass;
import io.switchboard.testing.ProductionLogLevel;
import io.switchboard.testing.RawHttp;
import io.switchboard.testing.TomcatParseErrorsLogged;
import io.switchboard.testing.WebhookReceiver;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What Tomcat logs of a request it refuses before any filter sees it: the header line or request target, quoted in
 * its exception message. Tomcat logs the first such error at INFO and later ones at DEBUG, so these tests turn its
 * HTTP/1.1 loggers to DEBUG ({@link TomcatParseErrorsLogged}): every refusal is logged, and each must come out masked.
 * The rest of the log at the hub's own INFO ({@link ProductionLogLevel}), as a library's line would come in production,
 * and a message's journey at DEBUG (io.switchboard.messages), the lines that name each message.
 *
 * <p>Each test reads the log twice: as the console writes text (the captured output) and as it writes JSON lines with
 * {@code SWITCHBOARD_LOG_FORMAT=json} ({@link JsonLogLines}, the console's encoder in JSON mode beside it).
 */
@ExtendWith({OutputCaptureExtension.class, ProductionLogLevel.class, TomcatParseErrorsLogged.class,
    SecretLoggingIntegrationTest.MessageJourney.class})
class SecretLoggingIntegrationTest extends HubIntegrationTest {

    @Autowired
    private ConfigurableEnvironment environment;

    private JsonLogLines json;

    @BeforeEach
    void writeJsonLinesToo() {
        json = new JsonLogLines();
    }

    @AfterEach
    void stopJsonLines() {
        json.close();
    }

    @Test
    void shouldLogTomcatsRefusedHeaderLinesWithoutTheirValues(CapturedOutput output) {
        for (String line : new String[] {"pinnacle-api-key :sk_dev_pinnacle", "pinnacle-api-key:sk_dev\u0001pinnacle",
            "Authorization: Bearer sk_dev_v1\u0000", "pinnacle-api-key\u0001:sk_live_of_another_hub"}) {
            String answer = raw("POST /messages/send/sms HTTP/1.1\r\nHost: localhost\r\n" + line
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            assertThat(answer).startsWith("HTTP/1.1 400");
        }

        String[] masked = {"The HTTP header line [pinnacle-api-key :****]",
            "The HTTP header line [pinnacle-api-key:****]", "The HTTP header line [authorization:****]",
            "The HTTP header line [pinnacle-api-key0x01:****]"};
        String[] secrets = {"sk_dev_pinnacle", "sk_dev", "sk_live_of_another_hub"};
        assertThat(output.getAll()).as("Tomcat logged each line it refused, its value masked")
                .contains(masked).doesNotContain(secrets);
        assertThat(jsonLines()).as("and so in JSON lines").contains(masked).doesNotContain(secrets);
    }

    @Test
    void shouldLogARefusedRequestTargetWithoutItsCallbackToken(CapturedOutput output) {
        String answer = raw("POST /callbacks/v5?leg=msg_1:1&token=c2VjcmV0LXRva2Vu|x HTTP/1.1\r\nHost: localhost"
                + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        String masked = "Invalid character found in the request target [/callbacks/v5?leg=msg_1:1&token=****";
        assertThat(output.getAll()).contains(masked).doesNotContain("c2VjcmV0LXRva2Vu");
        assertThat(jsonLines()).contains(masked).doesNotContain("c2VjcmV0LXRva2Vu");
    }

    /** The secrets of config/ and the test profile were registered before the hub started. */
    @Test
    void shouldMaskTheConfiguredSecretsInAnyLine(CapturedOutput output) {
        LoggerFactory.getLogger(SecretLoggingIntegrationTest.class).info("a library quotes {} and {} and {}",
                "sandbox-v5-secret", "sk_other_v1", "Basic ZGV2OnNrX2Rldl92NQ==".substring(6));

        String[] secrets = {"sandbox-v5-secret", "sk_other_v1", "ZGV2OnNrX2Rldl92NQ=="};
        assertThat(output.getAll()).contains("a library quotes **** and **** and ****").doesNotContain(secrets);
        assertThat(json.lines()).filteredOn(line -> line.path("message").asText().startsWith("a library quotes"))
                .singleElement().satisfies(line -> assertThat(line.path("message").asText())
                        .isEqualTo("a library quotes **** and **** and ****"));
        assertThat(json.text()).doesNotContain(secrets);
    }

    /**
     * An error whose message and stack trace quote a webhook's secret, the operator's login (the Basic credential of
     * the dev and test profiles' admin:admin, registered as a secret with the password) and a carrier's password.
     */
    @Test
    void shouldMaskSecretsInAnErrorsMessageAndStackTrace(CapturedOutput output) {
        String webhookSecret = "whsec_O09AeKxEY4dXeChBsjtVEhK6iPF47Oc0IqBKoIO+11I=";
        IllegalStateException error = new IllegalStateException("signing with " + webhookSecret + " failed",
                new IllegalArgumentException("login YWRtaW46YWRtaW4= to sandbox-pinnacle-key refused"));

        LoggerFactory.getLogger(SecretLoggingIntegrationTest.class).error("a webhook could not be signed", error);

        String[] secrets = {webhookSecret, "YWRtaW46YWRtaW4=", "sandbox-pinnacle-key"};
        assertThat(output.getAll()).contains("java.lang.IllegalStateException: signing with **** failed",
                "Caused by: java.lang.IllegalArgumentException: login **** to **** refused").doesNotContain(secrets);
        assertThat(json.lines())
                .filteredOn(line -> line.path("message").asText().equals("a webhook could not be signed"))
                .singleElement().satisfies(line -> {
                    assertThat(line.at("/error/message").asText()).isEqualTo("signing with **** failed");
                    assertThat(line.at("/error/stack_trace").asText())
                            .contains("Caused by: java.lang.IllegalArgumentException: login **** to **** refused");
                });
        assertThat(json.text()).doesNotContain(secrets);
    }

    /**
     * A message's journey, in the lines that name it (io.switchboard.messages at DEBUG, the log's WARN and INFO):
     * through a carrier the hub logs in to with a password, to a subscriber whose secret signs the webhooks. None of
     * the hub's configured secrets nor the subscriber's appears in either format.
     */
    @Test
    void shouldLogAMessagesJourneyWithoutASecret(CapturedOutput output) {
        String webhookSecret = "whsec_bRdE3FpA46/CEkXe1WO2VPhzKnG3pFgdteh22UPNwUc=";
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscription = hub().postJson("/v1/webhooks", Map.of("url", receiver.url(), "events",
                    List.of("message.delivered"), "secret", webhookSecret), "Authorization", V1_KEY)
                    .json().path("id").asText();
            String messageId = sendV1("+15557400114");
            eventually().until(() -> receiver.about(messageId, "message.delivered").size() == 1
                    && output.getAll().contains("[msg=" + messageId + "] io.switchboard.messages")
                    && output.getAll().contains(": webhook " + subscription + ":"));

            assertThat(output.getAll()).contains("accepted: RECORDED", "leg 1 (RCS) through sandbox-v5: ACCEPTED");
            assertThat(json.lines()).filteredOn(line -> messageId.equals(line.path("messageId").asText()))
                    .extracting(line -> line.path("message").asText())
                    .contains("accepted: RECORDED", "leg 1 (RCS) through sandbox-v5: ACCEPTED");
            hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY);
        }
        List<String> secrets = Stream.concat(ConfiguredSecrets.secrets(environment).stream(), Stream.of(webhookSecret))
                .filter(secret -> secret.length() >= SecretMasking.MIN_SECRET_LENGTH).distinct().toList();
        assertThat(secrets).as("the secrets looked for").contains("sandbox-v5-secret", "sk_dev_v1", webhookSecret);
        assertThat(secrets.stream().filter(output.getAll()::contains)).as("secrets in the text lines").isEmpty();
        assertThat(secrets.stream().filter(json.text()::contains)).as("secrets in the JSON lines").isEmpty();
    }

    /** Every JSON line's text values, each line read as one JSON object first. */
    private String jsonLines() {
        return json.lines().stream().map(JsonNode::toString).reduce("", String::concat);
    }

    private String raw(String request) {
        return RawHttp.exchange(port, request);
    }

    static class MessageJourney extends LoggerLevelForClass {
        MessageJourney() {
            super("io.switchboard.messages", Level.DEBUG);
        }
    }
}
