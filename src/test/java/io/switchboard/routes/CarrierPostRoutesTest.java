package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.testing.CarrierAccounts;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.RouteFileTest;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * routes/carrier-post.camel.yaml alone: the template every carrier call ends with, instantiated here as a carrier
 * file instantiates it (direct:test-carrier-post, the credential under X-Test-Key, the answers read by the bean
 * testResponses). The request goes as JSON, with the carrier's credential, to the endpoint in the variable
 * carrierEndpoint, here a mock carrier; the answer becomes the variable outcome, as the responses bean (scripted,
 * noting what it was given) reads it; the credential is forgotten afterwards, and a call that fails reaches the caller.
 */
class CarrierPostRoutesTest extends RouteFileTest {

    private static final CarrierConnector CARRIER = CarrierAccounts.carriers(
            CarrierAccounts.v1("arowana", "arowana-key", "ch_sms_sandbox", "arowana-secret")).byId("arowana");
    private static final Map<String, Object> REQUEST = Map.of("to", "+14155550123", "content", Map.of("text", "hi"));

    private final ScriptedResponses responses = new ScriptedResponses();

    @Override
    protected String routeFile() {
        return "carrier-post.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("testResponses", responses);
    }

    @Override
    protected void advise() throws Exception {
        TemplatedRouteBuilder.builder(context, "carrier-post")
                .routeId("test-carrier-post")
                .prefixId("test-post-")
                .parameter("dialect", "test")
                .parameter("credentialHeader", "X-Test-Key")
                .parameter("responses", "testResponses")
                .add();
    }

    @Test
    void shouldPostTheBodyAsJsonWithTheCarriersCredentialUnderTheDialectsHeader() throws Exception {
        MockEndpoint carrier = answering("mock:carrier", 202, "{}");
        carrier.expectedMessageCount(1);
        carrier.expectedHeaderReceived("X-Test-Key", "Bearer arowana-key");
        carrier.expectedHeaderReceived("Content-Type", "application/json");
        carrier.expectedHeaderReceived(Exchange.HTTP_METHOD, "POST");

        send("mock:carrier");

        carrier.assertIsSatisfied();
        Exchange request = carrier.getReceivedExchanges().get(0);
        assertThat(Fixtures.parse(request.getMessage().getBody(String.class)))
                .isEqualTo(Fixtures.toTree(REQUEST));
        assertThat(request.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }

    @Test
    void shouldCallTheEndpointTheCarrierRouteNamedInCarrierEndpoint() throws Exception {
        MockEndpoint named = answering("mock:carrier-b", 202, "{}");
        MockEndpoint other = answering("mock:carrier", 202, "{}");
        named.expectedMessageCount(1);
        other.expectedMessageCount(0);

        send("mock:carrier-b");

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldReadTheAnswerWithTheDialectsResponsesIntoOutcome() {
        answering("mock:carrier", 429, "{\"error\":\"rate_limited\"}");
        responses.reading = CarrierOutcome.retryLater("rate_limited");

        Exchange result = send("mock:carrier");

        assertThat(result.getException()).isNull();
        assertThat(responses.answers).containsExactly("429 {\"error\":\"rate_limited\"}");
        assertThat(result.getVariable(Variables.OUTCOME)).isEqualTo(CarrierOutcome.retryLater("rate_limited"));
    }

    @Test
    void shouldForgetTheCredentialOnceTheCallIsOver() {
        answering("mock:carrier", 202, "{}");

        Exchange result = send("mock:carrier");

        assertThat(result.getMessage().getHeaders()).doesNotContainKey("X-Test-Key");
    }

    @Test
    void shouldLeaveACallThatFailedToTheCallerWithoutReadingAnAnswer() throws Exception {
        MockEndpoint carrier = getMockEndpoint("mock:carrier");
        carrier.whenAnyExchangeReceived(exchange -> {
            throw new ConnectException("Connection refused");
        });
        carrier.expectedMessageCount(1);

        Exchange result = send("mock:carrier");

        assertThat(result.getException()).isInstanceOf(IOException.class).hasMessage("Connection refused");
        assertThat(result.getVariable(Variables.OUTCOME)).isNull();
        assertThat(responses.answers).isEmpty();
        carrier.assertIsSatisfied();
    }

    private MockEndpoint answering(String uri, int status, String body) {
        MockEndpoint carrier = getMockEndpoint(uri);
        carrier.whenAnyExchangeReceived(exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            exchange.getMessage().setBody(body);
        });
        return carrier;
    }

    private Exchange send(String carrierEndpoint) {
        return template.send("direct:test-carrier-post", exchange -> {
            exchange.setVariable(Variables.CARRIER, CARRIER);
            exchange.setVariable("carrierEndpoint", carrierEndpoint);
            exchange.getMessage().setBody(REQUEST);
        });
    }

    /** A dialect's responses bean: reads every answer as the test says, noting the status and body it was given. */
    public static class ScriptedResponses {
        final List<String> answers = new ArrayList<>();
        CarrierOutcome reading = CarrierOutcome.accepted("carrier-1");

        public CarrierOutcome interpret(int status, String body) {
            answers.add(status + " " + body);
            return reading;
        }
    }
}
