package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.events.DeliveryEvents;
import io.switchboard.model.Channel;
import io.switchboard.model.Message;
import io.switchboard.store.Leg;
import io.switchboard.store.LegStore;
import io.switchboard.store.MessageStore;
import io.switchboard.testing.CarrierCallbacks;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A carrier's callback that comes before the hub stored the carrier's message id (it overtook the carrier's answer to
 * the send) is answered 2xx, so the carrier neither retries nor gives up, and waits parked on the broker; once the id
 * is stored its event is published and recorded once. One whose id is never stored ends in the dead letters with its
 * reason, and a replay puts it back to be matched. Here a parked callback is tried five times over about 1.5 s.
 *
 * <p>Each race is set up with the store's own calls, as the dispatch makes them: a message the v5 sandbox accepted and
 * never reports on (…02) gets a further leg through the carrier under test, claimed after the callback came and
 * answered with the callback's id.
 */
class RacingCallbacksIntegrationTest extends HubIntegrationTest {

    private static final int ATTEMPTS = 5;
    private static final Map<String, String> CARRIERS = Map.of("v1", "sandbox-v1", "pinnacle", "sandbox-pinnacle",
            "channels", "sandbox-channels");
    /** The channel of sandbox-channels (config/application.yaml), which names the carrier among those sharing a key. */
    private static final String CHANNELS_CHANNEL = "6f8d2c1e-5b7a-4c3d-9e2f-1a0b3c4d5e6f";
    private static final int RACING_LEG = 2;

    @Autowired
    private MessageStore messages;

    @Autowired
    private LegStore legs;

    @Autowired
    private DeliveryEvents events;

    @DynamicPropertySource
    static void fewQuickAttempts(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "racing-callbacks");
        registry.add("switchboard.broker.callback-retry.attempts", () -> String.valueOf(ATTEMPTS));
        registry.add("switchboard.broker.callback-retry.first-delay", () -> "100ms");
        registry.add("switchboard.broker.callback-retry.max-delay", () -> "1s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "pinnacle", "channels"})
    void shouldAnswerACallbackThatOvertookItsSendAndPublishItsEventOnceTheIdIsStored(String dialect) {
        String messageId = sendV1("+15557400502");
        eventually().until(() -> timeline(messageId), List.of("queued", "sent")::equals);
        String carrierMessageId = dialect + "-" + UUID.randomUUID();
        long parkedBefore = messagesAdded(UNMATCHED_CALLBACKS);

        HubClient.Response answer = callbacks().signed(dialect,
                deliveredBody(dialect, carrierMessageId, Leg.idOf(messageId, RACING_LEG)),
                "Content-Type", "application/json");

        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
        assertThat(messagesAdded(UNMATCHED_CALLBACKS)).isEqualTo(parkedBefore + 1);
        assertThat(timeline(messageId)).doesNotContain("delivered");

        storeCarrierAnswer(messageId, CARRIERS.get(dialect), carrierMessageId);

        eventually().until(() -> messagesWaiting(UNMATCHED_CALLBACKS) == 0
                && timeline(messageId).contains("delivered"));
        assertDeliveredOnce(messageId);
        assertThat(status(messageId).path("status").asText()).isEqualTo("delivered");
    }

    @Test
    void shouldDeadLetterACallbackNoLegEverHadWithItsReasonAndMatchItWhenReplayed() {
        String messageId = sendV1("+15557400502");
        eventually().until(() -> timeline(messageId), List.of("queued", "sent")::equals);
        String carrierMessageId = "v1-never-" + UUID.randomUUID();

        HubClient.Response answer = callbacks().signed("v1", deliveredBody("v1", carrierMessageId, null),
                "Content-Type", "application/json");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        eventually().until(() -> deadLetterAbout(carrierMessageId) != null);
        JsonNode letter = deadLetterAbout(carrierMessageId);
        assertThat(letter.path("originalQueue").asText()).isEqualTo(UNMATCHED_CALLBACKS);
        assertThat(letter.path("reason").asText()).isEqualTo("no leg of sandbox-v1 has message " + carrierMessageId
                + " after " + ATTEMPTS + " attempts to match the callback");
        assertThat(messagesWaiting(UNMATCHED_CALLBACKS)).isZero();
        assertThat(timeline(messageId)).doesNotContain("delivered");

        storeCarrierAnswer(messageId, "sandbox-v1", carrierMessageId);
        HubClient.Response replayed = hub().postJson("/actuator/deadletters/" + letter.path("id").asText(),
                new byte[0], "Authorization", OPERATOR);

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        eventually().until(() -> timeline(messageId).contains("delivered"));
        assertThat(deadLetterAbout(carrierMessageId)).isNull();
        assertDeliveredOnce(messageId);
    }

    @Test
    void shouldStillAcknowledgeADuplicateOfAMatchedCallbackWithoutASecondEvent() {
        String messageId = sendV1("+15557400502");
        eventually().until(() -> timeline(messageId), List.of("queued", "sent")::equals);
        String carrierMessageId = "v1-twice-" + UUID.randomUUID();
        byte[] delivered = deliveredBody("v1", carrierMessageId, null);

        HubClient.Response first = callbacks().signed("v1", delivered, "Content-Type", "application/json");
        storeCarrierAnswer(messageId, "sandbox-v1", carrierMessageId);
        eventually().until(() -> messagesWaiting(UNMATCHED_CALLBACKS) == 0
                && timeline(messageId).contains("delivered"));
        long parkedBefore = messagesAdded(UNMATCHED_CALLBACKS);
        HubClient.Response again = callbacks().signed("v1", delivered, "Content-Type", "application/json");

        assertThat(List.of(first.status(), again.status())).containsExactly(200, 200);
        assertThat(messagesAdded(UNMATCHED_CALLBACKS)).as("the second found its leg at once").isEqualTo(parkedBefore);
        assertDeliveredOnce(messageId);
    }

    /** The carrier's delivery is in the message's timeline once, after the hub's own events. */
    private void assertDeliveredOnce(String messageId) {
        assertThat(timeline(messageId)).startsWith("queued", "sent").filteredOn("delivered"::equals).hasSize(1);
    }

    private CarrierCallbacks callbacks() {
        return new CarrierCallbacks(hub(), port, null);
    }

    /**
     * What the dispatch stores once the carrier answered the send: a leg claimed before the call, then the carrier's
     * id and the {@code sent} event in one commit.
     */
    private void storeCarrierAnswer(String messageId, String carrierId, String carrierMessageId) {
        Message message = messages.findMessage(messageId).orElseThrow();
        Leg leg = legs.claimLeg(message, RACING_LEG, Channel.SMS, carrierId, "racing-callbacks-test", null);
        legs.legAccepted(leg, events.sent(leg, carrierMessageId, legs.handedAt(leg)));
    }

    /** A delivery report from the dialect's carrier; a Channels one names the leg in its reference, as Bird echoes. */
    private static byte[] deliveredBody(String dialect, String carrierMessageId, String legId) {
        if (!dialect.equals("channels")) {
            return CarrierCallbacks.deliveredBody(dialect, carrierMessageId);
        }
        try {
            return Fixtures.MAPPER.writeValueAsBytes(Map.of("service", "channels", "event", "sms.outbound", "payload",
                    Map.of("id", carrierMessageId, "status", "delivered", "channelId", CHANNELS_CHANNEL,
                            "reference", legId)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode deadLetterAbout(String carrierMessageId) {
        JsonNode letters = hub().get("/actuator/deadletters", "Authorization", OPERATOR).json();
        return StreamSupport.stream(letters.spliterator(), false)
                .filter(letter -> letter.path("reason").asText().contains(carrierMessageId))
                .findFirst().orElse(null);
    }
}
