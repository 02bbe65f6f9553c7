package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialect.v1.V1Signatures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JSON body declared as a form is a 415 in the dialect's shape, even when it has no {@code key=value} pair for
 * Camel's form parsing to find (which made it a bare 500), on the client APIs and the carrier callbacks alike.
 */
class FormBodyRefusalIntegrationTest extends HubIntegrationTest {

    private static final byte[] JSON_WITHOUT_PAIRS = "{\"to\": \"+14155550100\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BROKEN_PAIRS = "a=1&b=%zz".getBytes(StandardCharsets.UTF_8);
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

    /** Before the signature is checked: an unsigned form and a signed one get the same answer. */
    @ParameterizedTest
    @ValueSource(strings = {"v1", "v5", "pinnacle", "channels"})
    void shouldRefuseAFormBodyOnEveryCallbackInTheCallbackShape(String carrier) {
        for (byte[] body : new byte[][] {JSON_WITHOUT_PAIRS, BROKEN_PAIRS}) {
            HubClient.Response response = hub().post("/callbacks/" + carrier, body, "Content-Type", FORM,
                    V1Signatures.HEADER, V1Signatures.sign("sandbox-v1-webhook-secret", body));

            assertThat(response.status()).as(response.toString()).isEqualTo(415);
            assertThat(response.json().path("error").asText()).isEqualTo("unsupported_media_type");
        }
    }

    @Test
    void shouldRefuseASignedCallbackThatIsNotJsonWith400() {
        byte[] text = "status=delivered".getBytes(StandardCharsets.UTF_8);

        HubClient.Response response = hub().post("/callbacks/v1", text, "Content-Type", "text/plain",
                V1Signatures.HEADER, V1Signatures.sign("sandbox-v1-webhook-secret", text));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo("invalid_json");
    }
}
