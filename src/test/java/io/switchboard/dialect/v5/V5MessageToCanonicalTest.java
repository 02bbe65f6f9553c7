package io.switchboard.dialect.v5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.callback.CallbackTokens;
import io.switchboard.camel.Variables;
import io.switchboard.model.Dialect;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import io.switchboard.net.HubAddress;
import io.switchboard.tenant.Tenant;
import io.switchboard.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class V5MessageToCanonicalTest {

    private static final Instant ACCEPTED = Instant.parse("2026-11-22T10:00:00.123Z");
    private static final String HUB_CALLBACK = "https://hub.example/callbacks/v5?leg=msg_x-1&token=t";

    private final V5MessageToCanonical transformer = new V5MessageToCanonical(Clock.fixed(ACCEPTED, ZoneOffset.UTC));
    private final CanonicalToV5Message egress = new CanonicalToV5Message(new V5CallbackUrls(
            new HubAddress("https://hub.example"), new CallbackTokens("a-test-secret-that-is-long-enough-0123456789")));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "v5/seed/rcs-text.json, canonical/v5-rcs-text.json",
        "v5/seed/rcs-media.json, canonical/v5-rcs-media.json",
        "v5/seed/rcs-card.json, canonical/v5-rcs-card.json",
        "v5/seed/rcs-carousel.json, canonical/v5-rcs-carousel.json",
        "v5/every-choice-type.json, canonical/v5-every-choice-type.json"
    })
    void shouldTranslateToTheCanonicalFixture(String request, String canonical) {
        Message message = transformer.toCanonical(Fixtures.read(request, V5Message.class), "demo", ACCEPTED);

        assertThat(message.id()).startsWith("msg_").hasSize(30);
        assertThat(message.createdAt()).isEqualTo(ACCEPTED);
        ObjectNode tree = (ObjectNode) Fixtures.toTree(message);
        tree.remove("id");
        tree.remove("createdAt");
        assertThat(tree).isEqualTo(Fixtures.tree(canonical));
    }

    /**
     * What v5 can express comes back unchanged from the egress transformer, with three differences by design: the
     * carrier gets the hub's own callback URL, not the client's; the hub runs failover itself, so no failover object
     * is forwarded; calendar times keep their instant and offset but lose zero milliseconds ({@code .000}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.switchboard.dialect.v5.V5Fixtures#accepted")
    void shouldRoundTripWithTheEgressTransformer(String fixture) {
        Message canonical = transformer.toCanonical(Fixtures.read(fixture, V5Message.class), "demo", ACCEPTED);

        ObjectNode sent = (ObjectNode) Fixtures.toTree(egress.toV5(canonical, HUB_CALLBACK));

        ObjectNode expected = (ObjectNode) Fixtures.tree(fixture);
        expected.put("callbackURL", HUB_CALLBACK);
        expected.remove(List.of("smsFailover", "mmsFailover"));
        for (JsonNode choices : expected.findValues("choices")) {
            for (JsonNode choice : choices) {
                for (String time : List.of("startTime", "endTime")) {
                    if (choice.has(time)) {
                        ((ObjectNode) choice).put(time, choice.get(time).asText().replace(".000", ""));
                    }
                }
            }
        }
        assertThat(sent).isEqualTo(expected);
    }

    @Test
    void shouldKeepTheClientsCallbackUrlAndIgnoreDisabledFailover() {
        ObjectNode request = (ObjectNode) Fixtures.tree("v5/seed/rcs-text.json");
        request.put("callbackURL", "https://client.example/status?id=7");
        ((ObjectNode) request.get("smsFailover")).put("enabled", false);
        request.putObject("mmsFailover").put("enabled", false);

        Message message = transformer.toCanonical(Fixtures.MAPPER.convertValue(request, V5Message.class), "demo",
                ACCEPTED);

        assertThat(message.callbackUrl()).hasToString("https://client.example/status?id=7");
        assertThat(message.failover()).isEqualTo(FailoverPlan.none());
    }

    @Test
    void shouldKeepNumbersThatAlreadyHaveTheirPlus() {
        ObjectNode request = (ObjectNode) Fixtures.tree("v5/seed/choice-dial-phone.json");
        request.put("destination", "+4917612345678");
        ((ObjectNode) request.get("choices").get(0)).put("phoneNumber", "+4930123456");

        Message message = transformer.toCanonical(Fixtures.MAPPER.convertValue(request, V5Message.class), "demo",
                ACCEPTED);

        assertThat(message.recipient()).isEqualTo("+4917612345678");
        assertThat(((TextContent) message.content()).suggestions())
                .containsExactly(new Suggestion.Dial("Call Us", "call_action", "+4930123456"));
    }

    @Test
    void shouldBeFoundByItsDataTypesBesideTheEgressTransformerAndReadTheTenantFromTheExchange() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getTransformerRegistry().put(TransformerKey.createFrom(transformer), transformer);
            camel.getTransformerRegistry().put(TransformerKey.createFrom(egress), egress);
            camel.start();
            Transformer found = camel.getTransformerRegistry().resolveTransformer(
                    new TransformerKey(new DataType("v5:message"), new DataType("canonical:message")));
            assertThat(found).isSameAs(transformer);
            assertThat(camel.getTransformerRegistry().resolveTransformer(
                    new TransformerKey(new DataType("canonical:message"), new DataType("v5:message"))))
                    .isSameAs(egress);

            Exchange exchange = new DefaultExchange(camel);
            exchange.setVariable(Variables.TENANT, new Tenant("acme", "Acme"));
            exchange.getMessage().setBody(Fixtures.read("v5/seed/rcs-card.json", V5Message.class));
            found.transform(exchange.getMessage(), new DataType("v5:message"), new DataType("canonical:message"));

            Message message = exchange.getMessage().getBody(Message.class);
            assertThat(message.tenantId()).isEqualTo("acme");
            assertThat(message.sourceDialect()).isEqualTo(Dialect.V5);
            assertThat(message.createdAt()).isEqualTo(ACCEPTED);
        }
    }
}
