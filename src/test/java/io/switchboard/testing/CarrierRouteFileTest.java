package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.JsonBodies;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.json.Json;
import io.switchboard.model.Message;
import io.switchboard.store.Leg;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.spi.Transformer;
import org.springframework.util.unit.DataSize;

/**
 * A carrier file of {@code routes/} driven alone: its route {@code carrier-<dialect>} writes the carrier's request and
 * hands it to its instance of the {@code carrier-post} template ({@code <dialect>-carrier-post}, loaded from
 * {@code carrier-post.camel.yaml}), whose HTTP call, the step {@code <dialect>-post-send}, is replaced by the mock
 * carrier {@code mock:carrier}: it records the request the routes built and answers what the test says. The
 * dialect's transformers and its responses bean are the real ones.
 */
public abstract class CarrierRouteFileTest extends RouteFileTest {

    /** When the hub accepted the messages sent here. */
    protected static final Instant ACCEPTED = Instant.parse("2026-11-22T10:00:00.123Z");
    protected static final String MESSAGE_ID = "msg_01jdtest0000000000000000aa";

    /** What the dialects' responses beans read answers with, as the hub builds it. */
    protected final JsonBodies jsonBodies = new JsonBodies(Json.newMapper(), DataSize.ofKilobytes(256));

    /**
     * The dialect's id: the file is {@code carrier-<dialect>.camel.yaml}, its routes {@code carrier-<dialect>} and
     * {@code <dialect>-carrier-post}.
     */
    protected abstract String dialect();

    /** The transformers the carrier route writes its requests with. */
    protected abstract Transformer[] transformers();

    @Override
    protected String routeFile() {
        return "carrier-" + dialect() + ".camel.yaml";
    }

    @Override
    protected List<String> alsoLoaded() {
        return List.of("carrier-post.camel.yaml");
    }

    @Override
    protected void advise() throws Exception {
        registerTransformers(transformers());
        // AdviceWith sees the template's own step ids: the prefix (v1-post-send) is added as the route is created
        AdviceWith.adviceWith(context, dialect() + "-carrier-post",
                route -> route.weaveById("send").replace().to("mock:carrier"));
    }

    /** A canonical message of {@code src/test/resources/fixtures/canonical}, as the hub accepted it. */
    protected static Message canonical(String fixture) {
        ObjectNode tree = (ObjectNode) Fixtures.tree("canonical/" + fixture + ".json");
        tree.put("id", MESSAGE_ID);
        tree.put("createdAt", ACCEPTED.toString());
        return Fixtures.MAPPER.convertValue(tree, Message.class);
    }

    /** A carrier's answer kept under {@code src/test/resources/fixtures}, such as {@code pinnacle/sent-sms.json}. */
    protected static String answer(String fixture) {
        return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
    }

    /** The first leg of a message, claimed for the carrier and not yet answered. */
    protected static Leg firstLeg(Message message, CarrierConnector carrier) {
        return new Leg(Leg.idOf(message.id(), 1), message.id(), message.tenantId(), 1, message.channel(),
                carrier.id(), null, Leg.LegStatus.DISPATCHING, null, null, null);
    }

    /** The carrier answers every request with this status and body. */
    protected void carrierAnswers(int status, String body) {
        getMockEndpoint("mock:carrier").whenAnyExchangeReceived(exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            exchange.getMessage().setBody(body);
        });
    }

    /** Sends the leg of the message through the carrier as send-leg does, with the variables it sets. */
    protected Exchange send(CarrierConnector carrier, Leg leg, Message message) {
        return template.send("direct:carrier-" + dialect(), exchange -> {
            exchange.setVariable(Variables.CARRIER, carrier);
            exchange.setVariable(Variables.LEG, leg);
            exchange.setVariable(Variables.MESSAGE, message);
            exchange.getMessage().setBody(message);
        });
    }

    /** The one request the carrier received: the body as JSON, the headers and variables as the call had them. */
    protected Exchange request() {
        List<Exchange> requests = getMockEndpoint("mock:carrier").getReceivedExchanges();
        assertThat(requests).as("the requests the carrier received").hasSize(1);
        return requests.get(0);
    }

    /** The body of a request, read as JSON. */
    protected static JsonNode json(Exchange request) {
        return Fixtures.parse(request.getMessage().getBody(String.class));
    }

    /** The request went as a JSON POST with the carrier's credential under the dialect's header. */
    protected static void assertJsonPost(Exchange request, String credentialHeader, String credential) {
        assertThat(request.getMessage().getHeader(credentialHeader)).isEqualTo(credential);
        assertThat(request.getMessage().getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getMessage().getHeader(Exchange.HTTP_METHOD)).isEqualTo("POST");
    }

    /** The carrier-http endpoint the request went to, as far as its query (its path under the carrier's base URL). */
    protected static String endpoint(Exchange request) {
        return request.getVariable("carrierEndpoint", String.class).split("\\?", 2)[0];
    }

    /** What the routes leave send-leg in {@code outcome}. */
    protected static CarrierOutcome outcome(Exchange result) {
        assertThat(result.getException()).isNull();
        return result.getVariable(Variables.OUTCOME, CarrierOutcome.class);
    }

    /** What the routes leave send-leg in {@code outcome} when the carrier answers the first leg of the message so. */
    protected CarrierOutcome outcomeOf(Message message, CarrierConnector carrier, int status, String answer) {
        carrierAnswers(status, answer);
        return outcome(send(carrier, firstLeg(message, carrier), message));
    }
}
