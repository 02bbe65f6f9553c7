package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.callback.CallbackTokens;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.dialect.v5.CanonicalToV5Message;
import io.switchboard.dialect.v5.V5CallbackUrls;
import io.switchboard.dialect.v5.V5CarrierResponses;
import io.switchboard.model.Message;
import io.switchboard.net.HubAddress;
import io.switchboard.store.Leg;
import io.switchboard.testing.CarrierAccounts;
import io.switchboard.testing.CarrierRouteFileTest;
import io.switchboard.testing.Fixtures;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Transformer;
import org.junit.jupiter.api.Test;

/**
 * routes/carrier-v5.camel.yaml alone: carrier-v5 writes the v5 RCS request of a canonical message with the leg's
 * callback URL and sets the carrier's {@code /messages} endpoint, and v5-carrier-post sends it with HTTP Basic and
 * reads the answer into {@code outcome}. The carrier is a mock answering as a v5 carrier does; the transformer (with
 * the hub's callback tokens) and the responses bean are real.
 */
class CarrierV5RoutesTest extends CarrierRouteFileTest {

    private static final CarrierConnector V5 = CarrierAccounts.carriers(
            CarrierAccounts.v5("rcs-v5", "hub-user", "hub-password")).byId("rcs-v5");

    private final CallbackTokens tokens = new CallbackTokens("a-test-secret-that-is-long-enough-0123456789");

    @Override
    protected String dialect() {
        return "v5";
    }

    @Override
    protected Transformer[] transformers() {
        return new Transformer[] {
            new CanonicalToV5Message(new V5CallbackUrls(new HubAddress(CarrierAccounts.HUB_URL), tokens))};
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("v5CarrierResponses", new V5CarrierResponses(jsonBodies));
    }

    @Test
    void shouldPostTheV5RequestWithTheLegsCallbackUrlAndBasicAuthToMessages() {
        Message rcs = canonical("v5-rcs-text");
        Leg leg = firstLeg(rcs, V5);
        carrierAnswers(200, answer("v5/seed/success.response.json"));

        send(V5, leg, rcs);

        Exchange request = request();
        // the seed's request, less the failover the hub runs itself, with the hub's own callback URL
        ObjectNode expected = (ObjectNode) Fixtures.tree("v5/seed/rcs-text.json");
        expected.remove("smsFailover");
        expected.put("callbackURL", "https://hub.example/callbacks/v5?leg=" + leg.legId() + "&token="
                + tokens.tokenFor(leg.legId()));
        assertThat(json(request)).isEqualTo(expected);
        assertJsonPost(request, "Authorization", "Basic aHViLXVzZXI6aHViLXBhc3N3b3Jk");
        assertThat(endpoint(request)).isEqualTo("carrier-http:https://rcs.v5.example/messages");
    }

    @Test
    void shouldTakeTheMessageGuidFromAnAcceptingAnswer() {
        CarrierOutcome outcome = outcomeOf(canonical("v5-rcs-text"), V5, 200, answer("v5/seed/success.response.json"));

        assertThat(outcome).isEqualTo(CarrierOutcome.accepted("550e8400-e29b-41d4-a716-446655440000"));
    }

    @Test
    void shouldRefuseTheLegWithTheCarriersWordsWhenItRefusesTheRequest() {
        CarrierOutcome outcome = outcomeOf(canonical("v5-rcs-text"), V5, 400,
                answer("v5/seed/error-message-text.response.json"));

        assertThat(outcome).isEqualTo(CarrierOutcome.refused(
                "Missing or invalid parameters in body; 'messageText' is required"));
    }

    @Test
    void shouldRetryLaterWhenTheCarrierFailsForNow() {
        CarrierOutcome outcome = outcomeOf(canonical("v5-rcs-text"), V5, 502, "<html>Bad Gateway</html>");

        assertThat(outcome).isEqualTo(CarrierOutcome.retryLater("HTTP 502"));
    }
}
