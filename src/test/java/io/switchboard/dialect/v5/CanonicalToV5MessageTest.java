package io.switchboard.dialect.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.callback.CallbackTokens;
import io.switchboard.camel.Variables;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.Channel;
import io.switchboard.model.Media;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TemplateContent;
import io.switchboard.net.HubAddress;
import io.switchboard.store.Leg;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class CanonicalToV5MessageTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";

    private final CallbackTokens tokens = new CallbackTokens(SECRET);
    private final CanonicalToV5Message transformer =
            new CanonicalToV5Message(new V5CallbackUrls(new HubAddress("https://hub.example"), tokens));

    private static Message canonicalFixture() {
        ObjectNode tree = (ObjectNode) Fixtures.tree("canonical/send-text-with-suggestions.json");
        tree.put("id", "msg_01jdtest0000000000000000aa");
        tree.put("createdAt", "2026-11-22T10:00:00.123Z");
        return Fixtures.MAPPER.convertValue(tree, Message.class);
    }

    @Test
    void shouldWriteTheV5RequestOfTheFixture() {
        V5Message request = transformer.toV5(canonicalFixture(), "https://hub.example/callbacks/v5?leg=msg_x-1&token=t");

        assertThat(Fixtures.toTree(request)).isEqualTo(Fixtures.tree("v5/send-text-with-suggestions.json"));
    }

    @Test
    void shouldBeFoundByNameAndPutThisLegsVerifiableCallbackUrlIntoTheRequest() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getTransformerRegistry().put(TransformerKey.createFrom(transformer), transformer);
            camel.start();
            Transformer found = camel.getTransformerRegistry().resolveTransformer(new TransformerKey("v5:message"));
            assertThat(found).isSameAs(transformer);
            assertThat(camel.getTransformerRegistry().resolveTransformer(
                    new TransformerKey(new DataType("canonical:message"), new DataType("v5:message"))))
                    .isSameAs(transformer);

            Message message = canonicalFixture();
            Leg leg = new Leg(Leg.idOf(message.id(), 1), message.id(), "demo", 1, Channel.RCS, "sandbox-v5", null,
                    Leg.LegStatus.DISPATCHING, null, null, null);
            Exchange exchange = new DefaultExchange(camel);
            exchange.setVariable(Variables.LEG, leg);
            exchange.getMessage().setBody(message);
            found.transform(exchange.getMessage(), DataType.ANY, new DataType("v5:message"));

            URI callback = URI.create(exchange.getMessage().getBody(V5Message.class).callbackURL());
            assertThat(callback.getPath()).isEqualTo("/callbacks/v5");
            String token = callback.getQuery().replaceFirst(".*token=", "");
            assertThat(callback.getQuery()).startsWith("leg=" + leg.legId() + "&");
            assertThat(tokens.verify(leg.legId(), token)).isEqualTo(leg.legId());
        }
    }

    @Test
    void shouldRefuseContentThatIsNotRcs() {
        Message canonical = canonicalFixture();
        Message sms = new Message(canonical.id(), canonical.tenantId(), canonical.sourceDialect(), null,
                canonical.sender(), canonical.recipient(), new SmsContent("hi"), null, null, null, null, null,
                canonical.createdAt());

        assertThatThrownBy(() -> transformer.toV5(sms, "https://hub.example/cb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RCS only");
    }

    @Test
    void shouldGiveAHeightlessCardTheMiddleHeightAndPutTheChipsBesideItAmongItsChoices() {
        Card heightless = new Card("Sale", "50% off", Media.of(URI.create("https://cdn.example/a.jpg")), null,
                List.of(new Suggestion.Reply("Show me", "sale")));
        Message card = canonicalFixture().withContent(
                new CardContent(heightless, null, null, List.of(new Suggestion.Reply("Not now", "later"))));

        V5Message request = transformer.toV5(card, "https://hub.example/cb");

        assertThat(request.height()).isEqualTo("MEDIUM");
        assertThat(request.choices()).extracting(V5Message.Choice::postbackData).containsExactly("sale", "later");
    }

    @Test
    void shouldRefuseTemplateContentWhichOnlyChannelsCarriersStore() {
        Message template = canonicalFixture().withContent(new TemplateContent("project", "latest", "en", null));

        assertThatThrownBy(() -> transformer.toV5(template, "https://hub.example/cb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Channels carrier");
    }
}
