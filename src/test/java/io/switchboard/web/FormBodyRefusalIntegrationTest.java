package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A JSON body declared as a form is a 415 in the dialect's shape, even when it has no {@code key=value} pair for
 * Camel's form parsing to find (which made it a bare 500).
 */
class FormBodyRefusalIntegrationTest extends HubIntegrationTest {

    private static final byte[] JSON_WITHOUT_PAIRS = "{\"to\": \"+14155550100\"}".getBytes(StandardCharsets.UTF_8);
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void shouldRefuseAFormBodyInTheV1Shape() {
        HubClient.Response response = hub().post("/v1/messages", JSON_WITHOUT_PAIRS, "Authorization", V1_KEY,
                "Content-Type", FORM);

        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertThat(response.json().path("error").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void shouldRefuseAFormBodyInThePinnacleShape() {
        HubClient.Response response = hub().post("/messages/send/sms", JSON_WITHOUT_PAIRS,
                "PINNACLE-API-KEY", "sk_dev_pinnacle", "Content-Type", FORM + "; charset=UTF-8");

        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertThat(response.json().path("error").asText())
                .isEqualTo("Content-Type must be application/json, not '" + FORM + "; charset=UTF-8'.");
    }
}
