package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.switchboard.carrier.CarrierBreakers;
import io.switchboard.carrier.Carriers;
import io.switchboard.dialect.v5.V5Message;
import io.switchboard.failover.FailoverRequest;
import io.switchboard.model.Channel;
import io.switchboard.model.Message;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.store.Leg;
import io.switchboard.store.LegStore;
import io.switchboard.store.MessageStore;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RCS to numbers without a sandbox rule goes through the v5 sandbox carrier and fails over by the default of
 * config/routing.yaml: hub mode, the SMS/MMS leg through sandbox-channels. Rows 00 to 02 of the sandbox table are
 * the three triggers (refused, failed callback, time limit); each ends with exactly one SMS at the Channels carrier.
 */
class FailoverIntegrationTest extends HubIntegrationTest {

    @Autowired
    private SandboxLedger sandbox;

    @Autowired
    private MessageStore store;

    @Autowired
    private LegStore legs;

    @Autowired
    private ProducerTemplate camel;

    @Autowired
    private CarrierBreakers breakers;

    @Autowired
    private Carriers carriers;

    private List<SandboxLedger.Entry> sends(String carrier, String recipient) {
        String digits = recipient.substring(1);
        return sandbox.entries().stream().filter(entry -> entry.carrier().equals(carrier))
                .filter(entry -> entry.recipient().equals(recipient) || entry.recipient().equals(digits)).toList();
    }

    private JsonNode event(String messageId, String type) {
        for (JsonNode event : status(messageId).path("events")) {
            if (event.path("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event for " + messageId);
    }

    @Test
    void shouldFailOverAtOnceWhenTheCarrierRefusesRcs() {
        String recipient = "+15550600100";
        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "failover", "sent", "delivered")::equals);
        assertThat(event(messageId, "failover").path("reason").asText())
                .startsWith("refused: ").contains("not RCS capable");
        assertThat(status(messageId).path("status").asText()).isEqualTo("delivered");
        assertThat(sends("sandbox-v5", recipient)).extracting(SandboxLedger.Entry::httpStatus).containsExactly(400);
        assertThat(sends("sandbox-channels", recipient)).singleElement().satisfies(sms ->
                assertThat(Fixtures.toTree(sms.request()).at("/body/type").asText()).isEqualTo("text"));
    }

    @Test
    void shouldSendTheClientsOwnFailoverLegWhenItGaveOne() throws Exception {
        String recipient = "+15550600800";
        ObjectNode card = (ObjectNode) Fixtures.MAPPER.readTree(Path.of("docs/examples/v5-rcs-card.json").toFile());
        card.put("destination", recipient.substring(1));
        HubClient.Response accepted = hub().postJson("/v5/messages", card, "Authorization",
                "Basic ZGV2OnNrX2Rldl92NQ==");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        String messageId = accepted.json().at("/data/results/0/messageGUID").asText();

        eventually().until(() -> timeline(messageId), List.of("queued", "failover", "sent", "delivered")::equals);
        assertThat(sends("sandbox-channels", recipient)).singleElement().satisfies(mms -> {
            JsonNode body = Fixtures.toTree(mms.request()).path("body");
            assertThat(body.path("type").asText()).isEqualTo("image");
            assertThat(body.at("/image/text").asText()).isEqualTo("Fallback message if RCS fails");
            assertThat(body.at("/image/images/0/mediaUrl").asText()).isEqualTo(
                    "https://example.com/fallback_media.jpg");
        });
    }

    @Test
    void shouldFailOverWhenTheCarrierReportsRcsFailed() {
        String recipient = "+15550600101";
        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId),
                List.of("queued", "sent", "failover", "sent", "delivered")::equals);
        assertThat(event(messageId, "failover").path("reason").asText()).startsWith("failed: ");
        assertThat(sends("sandbox-channels", recipient)).hasSize(1);
    }

    @Test
    void shouldFailOverWhenRcsIsNotDeliveredWithinItsTimeToLive() {
        String recipient = "+15550600102";
        String messageId = sendV1(recipient, "2s");

        eventually().during(Duration.ofMillis(500)).until(() -> timeline(messageId),
                List.of("queued", "sent")::equals);
        eventually().atMost(Duration.ofSeconds(15)).until(() -> timeline(messageId),
                List.of("queued", "sent", "failover", "sent", "delivered")::equals);
        assertThat(event(messageId, "failover").path("reason").asText())
                .isEqualTo("time-limit: not delivered within 2s");
        assertThat(sends("sandbox-channels", recipient)).hasSize(1);
    }

    @Test
    void shouldSendOneLegWhenTheFailureCallbackComesAgainAndAgain() {
        String recipient = "+15550600301";
        String messageId = sendV1(recipient);
        eventually().until(() -> timeline(messageId).contains("delivered"));
        V5Message rcs = (V5Message) sends("sandbox-v5", recipient).get(0).request();
        String callbackPath = rcs.callbackURL().substring(rcs.callbackURL().indexOf("/callbacks/v5"));
        Map<String, Object> failed = Map.of("messageGUID", sends("sandbox-v5", recipient).get(0).carrierMessageId(),
                "status", "FAILED", "statusCode", 30003, "errorMessage", "Recipient handset rejected the message");

        for (int i = 0; i < 3; i++) {
            assertThat(hub().postJson(callbackPath, failed).status()).isEqualTo(200);
        }

        eventually().during(Duration.ofSeconds(1)).until(() -> sends("sandbox-channels", recipient).size() == 1);
        assertThat(timeline(messageId)).containsExactly("queued", "sent", "failover", "sent", "delivered");
    }

    @Test
    void shouldFailOverWhenTheCarrierReportsRcsExpired() {
        String recipient = "+15550600602";
        String messageId = sendV1(recipient, "3600s");
        eventually().until(() -> timeline(messageId), List.of("queued", "sent")::equals);
        SandboxLedger.Entry rcs = sends("sandbox-v5", recipient).get(0);
        String callbackUrl = ((V5Message) rcs.request()).callbackURL();

        HubClient.Response expired = hub().postJson(callbackUrl.substring(callbackUrl.indexOf("/callbacks/v5")),
                Map.of("messageGUID", rcs.carrierMessageId(), "status", "EXPIRED", "errorMessage", "validity ended"));

        assertThat(expired.status()).isEqualTo(200);
        eventually().until(() -> timeline(messageId),
                List.of("queued", "sent", "failover", "sent", "delivered")::equals);
        assertThat(event(messageId, "failover").path("reason").asText()).isEqualTo("expired: validity ended");
    }

    @Test
    void shouldRecordALateRcsDeliveryAfterTheFailoverInTheTimelineOnly() {
        String recipient = "+15550600502";
        String messageId = sendV1(recipient, "1s");
        eventually().until(() -> timeline(messageId),
                List.of("queued", "sent", "failover", "sent", "delivered")::equals);
        SandboxLedger.Entry rcs = sends("sandbox-v5", recipient).get(0);
        String callbackUrl = ((V5Message) rcs.request()).callbackURL();

        HubClient.Response late = hub().postJson(callbackUrl.substring(callbackUrl.indexOf("/callbacks/v5")),
                Map.of("messageGUID", rcs.carrierMessageId(), "status", "DELIVERED", "statusCode", 40001));

        assertThat(late.status()).isEqualTo(200);
        eventually().until(() -> timeline(messageId),
                List.of("queued", "sent", "failover", "sent", "delivered", "delivered")::equals);
        eventually().during(Duration.ofMillis(500)).until(() -> sends("sandbox-channels", recipient).size() == 1);
    }

    @Test
    void shouldNotFailOverRcsDeliveredInTimeEvenWithDuplicateCallbacks() {
        String recipient = "+15550600105";
        String messageId = sendV1(recipient, "1s");

        eventually().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> timeline(messageId),
                List.of("queued", "sent", "delivered")::equals);
        assertThat(sends("sandbox-channels", recipient)).isEmpty();
    }

    @Test
    void shouldSendOneLegWhenAFailureAndTheTimeLimitBothTrigger() {
        String recipient = "+15550600201";
        String messageId = sendV1(recipient, "1s");

        eventually().until(() -> timeline(messageId),
                List.of("queued", "sent", "failover", "sent", "delivered")::equals);
        // the time limit falls due after the failure's failover: it finds leg 2 taken
        eventually().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> sends("sandbox-channels", recipient).size() == 1
                        && timeline(messageId).equals(List.of("queued", "sent", "failover", "sent", "delivered")));
    }

    @Test
    void shouldSendOneLegForRequestsThatRaceAndIgnoreOnesForAnUnknownMessage() {
        String recipient = "+15550600302";
        String messageId = sendV1(recipient, "3600s");
        eventually().until(() -> timeline(messageId), List.of("queued", "sent")::equals);
        Leg rcs = legs.findLeg(Leg.idOf(messageId, 1)).orElseThrow();

        for (FailoverRequest.Trigger trigger : FailoverRequest.Trigger.values()) {
            camel.sendBody("direct:request-failover", new FailoverRequest(messageId, trigger, rcs.carrierId(),
                    rcs.carrierMessageId(), "raced", rcs.route()));
        }
        camel.sendBody("direct:request-failover", new FailoverRequest("msg_unknown", FailoverRequest.Trigger.FAILED,
                rcs.carrierId(), null, "no such message", rcs.route()));

        eventually().until(() -> timeline(messageId).contains("delivered"));
        eventually().during(Duration.ofSeconds(1)).until(() -> sends("sandbox-channels", recipient).size() == 1);
        assertThat(timeline(messageId)).containsOnlyOnce("failover");
    }

    @Test
    void shouldFailOverAtOnceWhileTheRcsCarriersBreakerIsOpen() {
        String recipient = "+15550600142";
        CircuitBreaker v5 = breakers.of(carriers.byId("sandbox-v5"));
        v5.transitionToForcedOpenState();
        try {
            String messageId = sendV1(recipient);

            eventually().until(() -> timeline(messageId),
                    List.of("queued", "failover", "sent", "delivered")::equals);
            assertThat(event(messageId, "failover").path("reason").asText())
                    .isEqualTo("refused: the circuit breaker of sandbox-v5 is open");
            assertThat(sends("sandbox-v5", recipient)).isEmpty();
            assertThat(hub().get("/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:sandbox-v5"
                    + "&tag=state:forced_open", "Authorization", OPERATOR).json().at("/measurements/0/value")
                    .asDouble()).isEqualTo(1.0);
        } finally {
            v5.transitionToClosedState();
        }
    }

    @Test
    void shouldHandTheSmsLegToAV5CarrierThatFailsOverItselfInCarrierMode() {
        String recipient = "+15557410100";
        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "failover", "delivered")::equals);
        assertThat(event(messageId, "failover").path("reason").asText()).isEqualTo("carrier failover: SMS");
        assertThat(sends("sandbox-v5", recipient)).singleElement().satisfies(send -> {
            JsonNode smsFailover = Fixtures.toTree(send.request()).path("smsFailover");
            assertThat(smsFailover.path("enabled").asBoolean()).isTrue();
            assertThat(smsFailover.path("failoverSource").asText()).isEqualTo("14155550100");
            assertThat(smsFailover.path("fallbackText").asText()).startsWith("Track your order?");
        });
        assertThat(sends("sandbox-channels", recipient)).isEmpty();
    }

    @Test
    void shouldHandTheFallbackToAPinnacleCarrierThatSendsItAtOnceInCarrierMode() {
        String recipient = "+15557110100";
        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "failover", "delivered")::equals);
        assertThat(event(messageId, "failover").path("reason").asText()).isEqualTo("carrier failover: SMS");
        assertThat(sends("sandbox-pinnacle", recipient)).singleElement().satisfies(send ->
                assertThat(Fixtures.toTree(send.request()).path("fallback").path("text").asText())
                        .startsWith("Track your order?"));
        assertThat(sends("sandbox-channels", recipient)).isEmpty();
    }

    @Test
    void shouldNotFailOverRcsThatACarrierInCarrierModeDelivers() {
        String recipient = "+15557410142";
        String messageId = sendV1(recipient);

        eventually().during(Duration.ofMillis(500)).until(() -> timeline(messageId),
                List.of("queued", "sent", "delivered")::equals);
        assertThat(Fixtures.toTree(sends("sandbox-v5", recipient).get(0).request()).path("smsFailover").isObject())
                .isTrue();
    }

    @Test
    void shouldLeaveALegToTheClaimantThatTookItFirst() {
        // …02: RCS accepted and never reported, so a failover leg may still be claimed
        String messageId = sendV1("+15550600502");
        eventually().until(() -> timeline(messageId).contains("sent"));
        Message message = store.findMessage(messageId).orElseThrow();

        Leg first = legs.claimLeg(message, 7, Channel.SMS, "sandbox-channels", "ID:request-a", null);
        Leg again = legs.claimLeg(message, 7, Channel.SMS, "sandbox-channels", "ID:request-a", null);
        Leg other = legs.claimLeg(message, 7, Channel.SMS, "sandbox-channels", "ID:request-b", null);

        assertThat(first).isNotNull();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNull();
    }

    @Test
    void shouldNotClaimAFailoverLegOnceRcsWasDelivered() {
        String messageId = sendV1("+15550600402");
        eventually().until(() -> timeline(messageId).contains("delivered"));
        Message message = store.findMessage(messageId).orElseThrow();

        assertThat(legs.claimLeg(message, 2, Channel.SMS, "sandbox-channels", "ID:late-request", null)).isNull();
    }
}
