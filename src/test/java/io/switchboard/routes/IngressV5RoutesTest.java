package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.dialect.v5.V5MessageToCanonical;
import io.switchboard.dialect.v5.V5Requests;
import io.switchboard.dialect.v5.V5Responses;
import io.switchboard.dialect.v5.V5Validator;
import io.switchboard.model.Dialect;
import io.switchboard.model.Message;
import io.switchboard.net.TargetGuard;
import io.switchboard.testing.AcceptStandIn;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.RouteFileTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * routes/ingress-v5.camel.yaml alone, its direct: route (the REST part needs a web server): a send is admitted by HTTP
 * Basic, read, validated, translated and accepted, and answered as seed 004 answers, the destination as the client
 * wrote it; refusals come back in the v5 error shape. The shared accept route is a mock; admission, reading,
 * validation, translation and answers are the hub's own beans.
 */
class IngressV5RoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String LOGIN = ExampleMessages.Credentials.DEMO.v5Authorization();

    @Override
    protected String routeFile() {
        return "ingress-v5.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return apiPolicyBeans().with(Map.of("v5Requests", new V5Requests(jsonBodies()),
                "v5Validator", new V5Validator(new TargetGuard(false)), "v5Responses", new V5Responses()));
    }

    @Override
    protected void advise() throws Exception {
        registerTransformers(new V5MessageToCanonical(Clock.fixed(NOW, ZoneOffset.UTC)));
        AdviceWith.adviceWith(context, "v5-send-message",
                route -> route.weaveById("v5-accept").replace().to("mock:accept-message"));
    }

    @Test
    void shouldAcceptAValidMessageAndAnswerAsSeed004WithTheDestinationAsWritten() throws Exception {
        MockEndpoint accept = AcceptStandIn.recording(getMockEndpoint("mock:accept-message"));
        accept.expectedMessageCount(1);

        Exchange answer = post("direct:v5-send-message", Fixtures.bytes("v5/seed/rcs-text.json"), "Authorization",
                LOGIN);

        accept.assertIsSatisfied();
        Message accepted = accept.getReceivedExchanges().get(0).getMessage().getBody(Message.class);
        assertThat(accepted.tenantId()).isEqualTo("demo");
        assertThat(accepted.sourceDialect()).isEqualTo(Dialect.V5);
        assertThat(accepted.recipient()).isEqualTo("+15559876543");
        assertThat(status(answer)).isEqualTo(200);
        ObjectNode expected = (ObjectNode) Fixtures.tree("v5/seed/success.response.json");
        ((ObjectNode) expected.path("data").path("results").get(0)).put("messageGUID", accepted.id());
        assertThat(json(answer)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseAMissingFieldExactlyAsSeed004DoesAndAcceptNothing() throws Exception {
        getMockEndpoint("mock:accept-message").expectedMessageCount(0);

        Exchange answer = post("direct:v5-send-message", Fixtures.bytes("v5/seed/error-message-text.json"),
                "Authorization", LOGIN);

        assertThat(status(answer)).isEqualTo(400);
        assertThat(json(answer)).isEqualTo(Fixtures.tree("v5/seed/error-message-text.response.json"));
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldRefuseAWrongLoginInTheV5Shape() throws Exception {
        getMockEndpoint("mock:accept-message").expectedMessageCount(0);

        Exchange answer = post("direct:v5-send-message", Fixtures.bytes("v5/seed/rcs-text.json"),
                "Authorization", "Basic ZGV2Ondyb25n");

        assertThat(status(answer)).isEqualTo(401);
        assertThat(json(answer)).isEqualTo(Fixtures.toTree(new V5Responses().refused("Invalid username or password.",
                List.of())));
        MockEndpoint.assertIsSatisfied(context);
    }
}
