package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.dialect.v1.CanonicalToV1Message;
import io.switchboard.dialect.v1.V1CarrierResponses;
import io.switchboard.model.Message;
import io.switchboard.store.Leg;
import io.switchboard.testing.CarrierAccounts;
import io.switchboard.testing.CarrierRouteFileTest;
import io.switchboard.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Transformer;
import org.junit.jupiter.api.Test;

/**
 * routes/carrier-v1.camel.yaml alone: carrier-v1 writes the v1 (Arowana) request of a canonical message (SMS from the
 * carrier's channel, RCS from the message's agent), sets the leg's Idempotency-Key and the carrier's
 * {@code /v1/messages} endpoint, and v1-carrier-post sends it with the Bearer key and reads the answer into
 * {@code outcome}. The carrier is a mock answering as Arowana does; the transformer and the responses bean are real.
 */
class CarrierV1RoutesTest extends CarrierRouteFileTest {

    private static final CarrierConnector AROWANA = CarrierAccounts.carriers(
            CarrierAccounts.v1("arowana", "arowana-key", "ch_sms_sandbox", "arowana-secret")).byId("arowana");
    private static final String ACCEPTED_ANSWER = """
            {"message_id":"msg_a1b2c3d4","status":"queued","created_at":"2026-03-27T14:30:00Z"}""";

    @Override
    protected String dialect() {
        return "v1";
    }

    @Override
    protected Transformer[] transformers() {
        return new Transformer[] {new CanonicalToV1Message()};
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("v1CarrierResponses", new V1CarrierResponses(jsonBodies));
    }

    @Test
    void shouldPostAnSmsFromTheCarriersChannelWithTheBearerKeyToMessages() {
        Message sms = canonical("sms");
        carrierAnswers(202, ACCEPTED_ANSWER);

        send(AROWANA, firstLeg(sms, AROWANA), sms);

        Exchange request = request();
        assertThat(json(request)).isEqualTo(Fixtures.golden("v1/sms.json"));
        assertJsonPost(request, "Authorization", "Bearer arowana-key");
        assertThat(endpoint(request)).isEqualTo("carrier-http:https://api.arowana.example/v1/messages");
    }

    @Test
    void shouldPostAnRcsMessageFromItsAgent() {
        Message rcs = canonical("send-text-with-suggestions");
        carrierAnswers(202, ACCEPTED_ANSWER);

        send(AROWANA, firstLeg(rcs, AROWANA), rcs);

        assertThat(json(request())).isEqualTo(Fixtures.golden("v1/send-text-with-suggestions.json"));
    }

    @Test
    void shouldSendOneIdempotencyKeyOnEveryAttemptOfALegAndAnotherForTheNextLeg() throws Exception {
        Message sms = canonical("sms");
        Leg first = firstLeg(sms, AROWANA);
        Leg second = new Leg(Leg.idOf(sms.id(), 2), sms.id(), sms.tenantId(), 2, sms.channel(), AROWANA.id(), null,
                Leg.LegStatus.DISPATCHING, null, null, null);
        MockEndpoint carrier = getMockEndpoint("mock:carrier");
        carrier.expectedMessageCount(3);
        carrierAnswers(503, "");

        send(AROWANA, first, sms);
        send(AROWANA, first, sms);
        send(AROWANA, second, sms);

        carrier.assertIsSatisfied();
        List<String> keys = carrier.getReceivedExchanges().stream()
                .map(request -> request.getMessage().getHeader("Idempotency-Key", String.class)).toList();
        assertThat(UUID.fromString(keys.get(0))).hasToString(keys.get(0));
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
    }

    @Test
    void shouldTakeTheCarriersMessageIdFromAnAcceptingAnswer() {
        CarrierOutcome outcome = outcomeOf(canonical("sms"), AROWANA, 202, ACCEPTED_ANSWER);

        assertThat(outcome).isEqualTo(CarrierOutcome.accepted("msg_a1b2c3d4"));
    }

    @Test
    void shouldRefuseTheLegWithTheCarriersReasonWhenItRefusesTheRequest() {
        CarrierOutcome outcome = outcomeOf(canonical("sms"), AROWANA, 400, """
                {"error":"validation_error","message":"The request is invalid.",
                 "details":[{"field":"to","message":"must be a valid phone number"}]}""");

        assertThat(outcome).isEqualTo(
                CarrierOutcome.refused("The request is invalid.; to must be a valid phone number"));
    }

    @Test
    void shouldRetryLaterWhenTheCarrierIsBusy() {
        CarrierOutcome outcome = outcomeOf(canonical("sms"), AROWANA, 429, "{\"error\":\"rate_limited\"}");

        assertThat(outcome).isEqualTo(CarrierOutcome.retryLater("rate_limited"));
    }
}
