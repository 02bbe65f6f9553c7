package io.switchboard.dialect.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.camel.Variables;
import io.switchboard.model.Dialect;
import io.switchboard.model.Message;
import io.switchboard.tenant.Tenant;
import io.switchboard.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class V1MessageToCanonicalTest {

    private static final Instant ACCEPTED = Instant.parse("2026-11-22T10:00:00.123Z");

    private final V1MessageToCanonical transformer =
            new V1MessageToCanonical(Clock.fixed(ACCEPTED, ZoneOffset.UTC));

    @Test
    void shouldTranslateEverySuggestionKindToTheCanonicalFixture() {
        V1SendRequest request = Fixtures.read("v1/send-text-with-suggestions.json", V1SendRequest.class);

        Message message = transformer.toCanonical(request, "demo", ACCEPTED);

        assertThat(message.id()).startsWith("msg_").hasSize(30);
        assertThat(message.createdAt()).isEqualTo(ACCEPTED);
        ObjectNode tree = (ObjectNode) Fixtures.toTree(message);
        tree.remove("id");
        tree.remove("createdAt");
        assertThat(tree).isEqualTo(Fixtures.tree("canonical/send-text-with-suggestions.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rich-card-standalone", "rich-card-carousel", "sms"})
    void shouldTranslateEachContentKindToItsCanonicalFixture(String fixture) {
        V1SendRequest request = Fixtures.read("v1/" + fixture + ".json", V1SendRequest.class);

        ObjectNode tree = (ObjectNode) Fixtures.toTree(transformer.toCanonical(request, "demo", ACCEPTED));

        tree.remove("id");
        tree.remove("createdAt");
        assertThat(tree).isEqualTo(Fixtures.tree("canonical/" + fixture + ".json"));
    }

    @Test
    void shouldBeFoundByItsDataTypesAndReadTheTenantFromTheExchange() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getTransformerRegistry().put(TransformerKey.createFrom(transformer), transformer);
            camel.start();
            Transformer found = camel.getTransformerRegistry().resolveTransformer(
                    new TransformerKey(new DataType("v1:message"), new DataType("canonical:message")));
            assertThat(found).isSameAs(transformer);

            Exchange exchange = new DefaultExchange(camel);
            exchange.setVariable(Variables.TENANT, new Tenant("acme", "Acme"));
            exchange.getMessage().setBody(Fixtures.read("v1/send-text-with-suggestions.json", V1SendRequest.class));
            found.transform(exchange.getMessage(), new DataType("v1:message"), new DataType("canonical:message"));

            Message message = exchange.getMessage().getBody(Message.class);
            assertThat(message.tenantId()).isEqualTo("acme");
            assertThat(message.sourceDialect()).isEqualTo(Dialect.V1);
            assertThat(message.createdAt()).isEqualTo(ACCEPTED);
        }
    }
}
