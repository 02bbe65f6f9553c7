package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.callback.CallbackLegs;
import io.switchboard.dialect.v5.V5Message;
import io.switchboard.model.Reasons;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.CarrierCallbacks;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fields that would become a broker header or a database column are bounded before they get there: a carrier's
 * message id longer than the store keeps is refused (it cannot name a leg the hub sent, and the broker refuses a
 * duplicate id that large), a carrier's reason is cut to the reason columns' width, a webhook URL longer than its
 * column is refused. Nothing refused reaches the events.
 */
class OversizedFieldsIntegrationTest extends HubIntegrationTest {

    private static final String EVENTS = "switchboard.webhooks";
    private static final String HUGE = "g".repeat(64 * 1024);

    @Autowired
    private SandboxLedger sandbox;

    private CarrierCallbacks callbacks;
    private String messageId;

    /**
     * A message sent through the v5 sandbox, which sends no callback for …02 (the test posts them), and does not fail
     * over (config/routing.yaml): once it is sent, the hub publishes nothing more of its own accord.
     */
    @BeforeEach
    void sendThroughV5() {
        String recipient = "+1555740" + (System.nanoTime() % 10_000 + 10_000) + "02";
        messageId = sendV1(recipient);
        eventually().until(() -> timeline(messageId), List.of("queued", "sent")::equals);
        String callbackUrl = v5Request(recipient).callbackURL();
        callbacks = new CarrierCallbacks(hub(), port, callbackUrl.substring(callbackUrl.indexOf("/callbacks/v5")));
    }

    private V5Message v5Request(String recipient) {
        return sandbox.entries().stream().filter(entry -> entry.recipient().equals(recipient.substring(1)))
                .map(entry -> (V5Message) entry.request()).findFirst().orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v5", "pinnacle", "channels"})
    void shouldRefuseACarrierMessageIdLongerThanTheStoreKeeps(String carrier) {
        long events = settledEventCount();

        HubClient.Response refused = callbacks.signed(carrier, CarrierCallbacks.deliveredBody(carrier, HUGE),
                "Content-Type", "application/json");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("validation_error");
        assertThat(refused.json().path("details").get(0).path("field").asText())
                .isEqualTo(CarrierCallbacks.ID_FIELDS.get(carrier));
        assertThat(refused.json().path("details").get(0).path("message").asText()).isEqualTo("must be at most "
                + CallbackLegs.MAX_CARRIER_MESSAGE_ID + " characters");
        eventually().during(Duration.ofMillis(300)).until(() -> messagesAdded(EVENTS) == events);
    }

    @Test
    void shouldCutALongCarrierReasonToTheWidthTheStoreKeeps() {
        HubClient.Response answer = callbacks.signed("v5", json(Map.of("status", "FAILED",
                "errorMessage", "r".repeat(64 * 1024))), "Content-Type", "application/json");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        // config/routing.yaml: the v5 sandbox's numbers do not fail over, so the message fails with the reason
        eventually().until(() -> timeline(messageId).contains("failed"));
        String reason = status(messageId).path("events").findValue("reason").asText();
        assertThat(reason).hasSize(Reasons.MAX_LENGTH).startsWith("rrr").endsWith("r…");
    }

    @Test
    void shouldRefuseAWebhookUrlLongerThanTheStoreKeeps() {
        HubClient.Response refused = hub().postJson("/v1/webhooks", Map.of("url",
                "https://hooks.example.com/" + "a".repeat(2048), "events", new String[] {"message.sent"}),
                "Authorization", V1_KEY);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("details").get(0).path("field").asText()).isEqualTo("url");
        assertThat(refused.json().path("details").get(0).path("message").asText())
                .isEqualTo("must be at most 2048 characters");
    }

    /** The events published so far, once the message's own (recorded before they are sent) have reached the broker. */
    private long settledEventCount() {
        AtomicLong lastRead = new AtomicLong(-1);
        eventually().during(Duration.ofMillis(300)).until(() -> {
            long now = messagesAdded(EVENTS);
            return lastRead.getAndSet(now) == now;
        });
        return lastRead.get();
    }

    private static byte[] json(Object value) {
        try {
            return Fixtures.MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
