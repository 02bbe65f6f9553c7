package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.dialect.pinnacle.CanonicalToPinnacleMms;
import io.switchboard.dialect.pinnacle.CanonicalToPinnacleRcs;
import io.switchboard.dialect.pinnacle.CanonicalToPinnacleSms;
import io.switchboard.dialect.pinnacle.PinnacleCarrierResponses;
import io.switchboard.model.Message;
import io.switchboard.testing.CarrierAccounts;
import io.switchboard.testing.CarrierRouteFileTest;
import io.switchboard.testing.Fixtures;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Transformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * routes/carrier-pinnacle.camel.yaml alone: carrier-pinnacle writes the Pinnacle send body of the message's channel
 * (SMS, MMS, or RCS otherwise) and picks that channel's send path, and pinnacle-carrier-post sends it with the
 * carrier's PINNACLE-API-KEY and reads the answer into {@code outcome}. The carrier is a mock answering as Pinnacle
 * does; the three transformers and the responses bean are real.
 */
class CarrierPinnacleRoutesTest extends CarrierRouteFileTest {

    private static final CarrierConnector PINNACLE = CarrierAccounts.carriers(
            CarrierAccounts.pinnacle("pinnacle", "pinnacle-key", "pss_signing-secret")).byId("pinnacle");

    @Override
    protected String dialect() {
        return "pinnacle";
    }

    @Override
    protected Transformer[] transformers() {
        return new Transformer[] {new CanonicalToPinnacleSms(), new CanonicalToPinnacleMms(),
            new CanonicalToPinnacleRcs()};
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("pinnacleCarrierResponses", new PinnacleCarrierResponses(jsonBodies));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sms, /messages/send/sms, pinnacle/sent-sms.json, msg_1234567890",
        "mms-images, /messages/send/mms, pinnacle/sent-mms.json, msg_a",
        "send-text-with-suggestions, /messages/send/rcs, pinnacle/sent-rcs.json, msg_1234567890"})
    void shouldPostEachChannelsSendBodyToItsPathWithTheApiKey(String fixture, String path, String answered,
            String messageId) {
        Message message = canonical(fixture);
        carrierAnswers(200, answer(answered));

        Exchange result = send(PINNACLE, firstLeg(message, PINNACLE), message);

        Exchange request = request();
        assertThat(json(request)).isEqualTo(Fixtures.golden("pinnacle/" + fixture + ".json"));
        assertThat(endpoint(request)).isEqualTo("carrier-http:https://api.pinnacle.example" + path);
        assertJsonPost(request, "PINNACLE-API-KEY", "pinnacle-key");
        assertThat(outcome(result)).isEqualTo(CarrierOutcome.accepted(messageId));
    }

    @Test
    void shouldRefuseTheLegWithPinnaclesDescriptionAndFieldMessages() {
        CarrierOutcome outcome = outcomeOf(canonical("send-text-with-suggestions"), PINNACLE, 400, """
                {"description":"Invalid request",
                 "errors":{"errors":[],"properties":{"to":{"errors":["is required"]}}}}""");

        assertThat(outcome).isEqualTo(CarrierOutcome.refused("Invalid request; to is required"));
    }

    @Test
    void shouldRetryLaterWhenPinnacleIsBusy() {
        CarrierOutcome outcome = outcomeOf(canonical("sms"), PINNACLE, 429, "{\"error\":\"Too many requests\"}");

        assertThat(outcome).isEqualTo(CarrierOutcome.retryLater("Too many requests"));
    }
}
