package io.switchboard.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.ProductionLogLevel;
import io.switchboard.testing.RawHttp;
import io.switchboard.testing.TomcatParseErrorsLogged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What Tomcat logs of a request it refuses before any filter sees it: the header line or request target, quoted in
 * its exception message. Tomcat logs the first such error at INFO and later ones at DEBUG, so these tests turn its
 * HTTP/1.1 loggers to DEBUG ({@link TomcatParseErrorsLogged}): every refusal is logged, and each must come out masked.
 * The rest of the log at the hub's own INFO ({@link ProductionLogLevel}), as a library's line would come in production.
 */
@ExtendWith({OutputCaptureExtension.class, ProductionLogLevel.class, TomcatParseErrorsLogged.class})
class SecretLoggingIntegrationTest extends HubIntegrationTest {

    @Test
    void shouldLogTomcatsRefusedHeaderLinesWithoutTheirValues(CapturedOutput output) {
        for (String line : new String[] {"pinnacle-api-key :sk_dev_pinnacle", "pinnacle-api-key:sk_dev\u0001pinnacle",
            "Authorization: Bearer sk_dev_v1\u0000", "pinnacle-api-key\u0001:sk_live_of_another_hub"}) {
            String answer = raw("POST /messages/send/sms HTTP/1.1\r\nHost: localhost\r\n" + line
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            assertThat(answer).startsWith("HTTP/1.1 400");
        }

        assertThat(output.getAll()).as("Tomcat logged each line it refused, its value masked")
                .contains("The HTTP header line [pinnacle-api-key :****]",
                        "The HTTP header line [pinnacle-api-key:****]",
                        "The HTTP header line [authorization:****]", "The HTTP header line [pinnacle-api-key0x01:****]")
                .doesNotContain("sk_dev_pinnacle", "sk_dev", "sk_live_of_another_hub");
    }

    @Test
    void shouldLogARefusedRequestTargetWithoutItsCallbackToken(CapturedOutput output) {
        String answer = raw("POST /callbacks/v5?leg=msg_1:1&token=c2VjcmV0LXRva2Vu|x HTTP/1.1\r\nHost: localhost"
                + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(output.getAll()).contains("Invalid character found in the request target [/callbacks/v5?leg=msg_1:1"
                + "&token=****").doesNotContain("c2VjcmV0LXRva2Vu");
    }

    /** The secrets of config/ and the test profile were registered before the hub started. */
    @Test
    void shouldMaskTheConfiguredSecretsInAnyLine(CapturedOutput output) {
        LoggerFactory.getLogger(SecretLoggingIntegrationTest.class).info("a library quotes {} and {} and {}",
                "sandbox-v5-secret", "sk_other_v1", "Basic ZGV2OnNrX2Rldl92NQ==".substring(6));

        assertThat(output.getAll()).contains("a library quotes **** and **** and ****")
                .doesNotContain("sandbox-v5-secret", "sk_other_v1", "ZGV2OnNrX2Rldl92NQ==");
    }

    private String raw(String request) {
        return RawHttp.exchange(port, request);
    }
}
