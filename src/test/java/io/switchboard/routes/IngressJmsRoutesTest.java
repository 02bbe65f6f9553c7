package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.intake.HubUnavailableException;
import io.switchboard.intake.IngressRefusals;
import io.switchboard.intake.JmsIngress;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.testing.RouteFileTest;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * routes/ingress-jms.camel.yaml alone: a message on the ingress queue goes to its dialect's route with the credential
 * under that dialect's header and an idempotency key (the client's, else the JMS message id), and its answer's status
 * goes back with it; a refusal nobody waits for is parked with its errors, one with a reply-to queue is only answered;
 * a hub that cannot take it now leaves it on the queue. The queue is a direct: endpoint and the parking queue a mock;
 * the dialects' routes are stand-ins answering as the test says; the ingress bean and the dialects are the hub's own.
 */
class IngressJmsRoutesTest extends RouteFileTest {

    private static final String REQUEST = "{\"to\": \"+14155550123\"}";

    @Override
    protected String routeFile() {
        return "ingress-jms.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("jmsIngress", new JmsIngress(context.createProducerTemplate(), apiPolicyBeans().dialects()),
                "ingressRefusals", new IngressRefusals(new HubMetrics(new SimpleMeterRegistry(), 8)));
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "jms-ingress", route -> {
            route.replaceFromWith("direct:jms-ingress");
            route.weaveById("ingress-park-invalid").replace().to("mock:ingress-invalid");
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:v1-send-message").to("mock:v1-send-message");
                from("direct:pinnacle-send-mms").to("mock:pinnacle-send-mms");
            }
        });
    }

    @Test
    void shouldSendAKnownDialectToItsRouteWithTheCredentialUnderItsHeaderAndTheStatusBack() throws Exception {
        MockEndpoint v1 = answering("mock:v1-send-message", 202, "{\"status\": \"queued\"}");
        v1.expectedBodiesReceived(REQUEST);
        v1.expectedHeaderReceived("Authorization", "Bearer sk_dev_v1");
        v1.expectedHeaderReceived("Idempotency-Key", "ID:jms-1");
        v1.expectedHeaderReceived("Content-Type", "application/json");
        getMockEndpoint("mock:ingress-invalid").expectedMessageCount(0);

        Exchange answered = arrive(Map.of("SwitchboardDialect", "v1", "SwitchboardCredential", "Bearer sk_dev_v1"));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(answered.getException()).isNull();
        assertThat(answered.getMessage().getHeader("SwitchboardStatus", Integer.class)).isEqualTo(202);
        assertThat(answered.getMessage().getHeader("SwitchboardCredential")).isNull();
        assertThat(answered.getMessage().getBody(String.class)).isEqualTo("{\"status\": \"queued\"}");
    }

    @Test
    void shouldKeyTheMessageByTheClientsIdempotencyKeyWhenItGivesOne() throws Exception {
        MockEndpoint v1 = answering("mock:v1-send-message", 202, "{}");
        v1.expectedHeaderReceived("Idempotency-Key", "client-key");

        arrive(Map.of("SwitchboardDialect", "v1", "SwitchboardCredential", "Bearer sk_dev_v1",
                "SwitchboardIdempotencyKey", "client-key"));

        v1.assertIsSatisfied();
    }

    @Test
    void shouldSendAPinnacleMessageToTheRouteOfItsEndpoint() throws Exception {
        MockEndpoint mms = answering("mock:pinnacle-send-mms", 200, "{}");
        mms.expectedHeaderReceived("PINNACLE-API-KEY", "sk_dev_pinnacle");

        arrive(Map.of("SwitchboardDialect", "pinnacle", "SwitchboardEndpoint", "mms",
                "SwitchboardCredential", "sk_dev_pinnacle"));

        mms.assertIsSatisfied();
    }

    @Test
    void shouldParkAnUnknownDialectWithItsErrorsWhenNobodyWaitsForTheAnswer() throws Exception {
        MockEndpoint parked = getMockEndpoint("mock:ingress-invalid");
        parked.expectedBodiesReceived(REQUEST);
        parked.expectedHeaderReceived("SwitchboardStatus", "400");
        getMockEndpoint("mock:v1-send-message").expectedMessageCount(0);

        arrive(Map.of("SwitchboardDialect", "v9", "SwitchboardCredential", "Bearer sk_dev_v1"));

        MockEndpoint.assertIsSatisfied(context);
        Exchange invalid = parked.getReceivedExchanges().get(0);
        assertThat(invalid.getMessage().getHeader("SwitchboardErrors", String.class))
                .contains("unknown_dialect", "not 'v9'");
        assertThat(invalid.getMessage().getHeader("SwitchboardCredential")).isNull();
    }

    @Test
    void shouldTreatPinnacleWithoutAnEndpointAsAnUnknownDialect() throws Exception {
        getMockEndpoint("mock:ingress-invalid").expectedMessageCount(1);
        getMockEndpoint("mock:pinnacle-send-mms").expectedMessageCount(0);

        arrive(Map.of("SwitchboardDialect", "pinnacle", "SwitchboardCredential", "sk_dev_pinnacle"));

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldOnlyAnswerAnUnknownDialectThatHasAReplyToQueue() throws Exception {
        getMockEndpoint("mock:ingress-invalid").expectedMessageCount(0);

        Exchange answered = arrive(Map.of("SwitchboardDialect", "v9", "JMSReplyTo", "queue://replies"));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(answered.getMessage().getHeader("SwitchboardStatus", Integer.class)).isEqualTo(400);
        assertThat(json(answered).path("error").asText()).isEqualTo("unknown_dialect");
    }

    @Test
    void shouldParkTheRequestTheDialectsRouteRefusedWithThatRefusal() throws Exception {
        String refusal = "{\"error\": \"validation_error\"}";
        answering("mock:v1-send-message", 400, refusal);
        MockEndpoint parked = getMockEndpoint("mock:ingress-invalid");
        parked.expectedBodiesReceived(REQUEST);
        parked.expectedHeaderReceived("SwitchboardErrors", refusal);

        arrive(Map.of("SwitchboardDialect", "v1", "SwitchboardCredential", "Bearer sk_dev_v1"));

        parked.assertIsSatisfied();
    }

    @Test
    void shouldLeaveAMessageTheHubCannotTakeNowOnTheQueue() throws Exception {
        answering("mock:v1-send-message", 503, "{\"error\": \"service_unavailable\"}");
        getMockEndpoint("mock:ingress-invalid").expectedMessageCount(0);

        Exchange answered = arrive(Map.of("SwitchboardDialect", "v1", "SwitchboardCredential", "Bearer sk_dev_v1"));

        assertThat(answered.getException()).isInstanceOf(HubUnavailableException.class)
                .hasMessageContaining("service_unavailable");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldLeaveAMessageOnTheQueueWhenItsDialectsRouteFails() throws Exception {
        getMockEndpoint("mock:v1-send-message").whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("database away");
        });
        getMockEndpoint("mock:ingress-invalid").expectedMessageCount(0);

        Exchange answered = arrive(Map.of("SwitchboardDialect", "v1", "SwitchboardCredential", "Bearer sk_dev_v1"));

        assertThat(answered.getException()).hasRootCauseMessage("database away");
        MockEndpoint.assertIsSatisfied(context);
    }

    /** A dialect route's stand-in that answers with this status and body, as that route's policy would. */
    private MockEndpoint answering(String uri, int status, String body) {
        MockEndpoint route = getMockEndpoint(uri);
        route.whenAnyExchangeReceived(exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            exchange.getMessage().setBody(body);
        });
        return route;
    }

    /** The request arriving on the ingress queue with these JMS properties, as message ID:jms-1. */
    private Exchange arrive(Map<String, Object> properties) {
        return template.send("direct:jms-ingress", exchange -> {
            exchange.getMessage().setHeaders(new HashMap<>(properties));
            exchange.getMessage().setHeader("JMSMessageID", "ID:jms-1");
            exchange.getMessage().setBody(REQUEST);
        });
    }
}
