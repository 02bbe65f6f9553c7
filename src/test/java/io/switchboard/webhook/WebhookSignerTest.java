package io.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.standardwebhooks.Webhook;
import io.switchboard.signing.StandardWebhooks;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private final WebhookSigner signer = new WebhookSigner();

    @Test
    void shouldMatchTheStandardWebhooksPublishedTestVector() {
        String signature = signer.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldProduceSignaturesTheReferenceLibraryVerifies() {
        String secret = signer.newSecret();
        long now = System.currentTimeMillis() / 1000;
        String payload = "{\"id\":\"evt_1\",\"event\":\"message.delivered\"}";
        String signature = signer.sign(secret, "evt_1", now, payload.getBytes(StandardCharsets.UTF_8));
        HttpHeaders headers = HttpHeaders.of(Map.of(
                "webhook-id", List.of("evt_1"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(signature)), (name, value) -> true);

        assertThatCode(() -> new Webhook(secret).verify(payload, headers)).doesNotThrowAnyException();
    }

    @Test
    void shouldSignWithEverySecretSoTheReferenceLibraryAcceptsEitherDuringARotation() {
        String newSecret = signer.newSecret();
        String oldSecret = signer.newSecret();
        long now = System.currentTimeMillis() / 1000;
        String payload = "{\"id\":\"evt_2\",\"event\":\"message.read\"}";
        String signatures = StandardWebhooks.headers(List.of(newSecret, oldSecret), "evt_2", now,
                payload.getBytes(StandardCharsets.UTF_8)).get(StandardWebhooks.SIGNATURE);
        HttpHeaders headers = HttpHeaders.of(Map.of(
                "webhook-id", List.of("evt_2"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(signatures)), (name, value) -> true);

        assertThat(signatures.split(" ")).hasSize(2).allMatch(signature -> signature.startsWith("v1,"));
        assertThatCode(() -> new Webhook(newSecret).verify(payload, headers)).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(oldSecret).verify(payload, headers)).doesNotThrowAnyException();
        assertThat(signer.verifies(signer.newSecret(), "evt_2", now, payload.getBytes(StandardCharsets.UTF_8),
                signatures)).isFalse();
    }

    @Test
    void shouldGenerateSecretsOfTheStandardShape() {
        String secret = signer.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(signer.isValidSecret(secret)).isTrue();
        assertThat(signer.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void shouldRefuseSecretsWithoutThePrefixOrWithTooFewBytes() {
        assertThat(signer.isValidSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
        assertThat(signer.isValidSecret("whsec_c2hvcnQ=")).isFalse();
        assertThat(signer.isValidSecret("whsec_not*base64")).isFalse();
        assertThat(signer.isValidSecret(null)).isFalse();
    }
}
