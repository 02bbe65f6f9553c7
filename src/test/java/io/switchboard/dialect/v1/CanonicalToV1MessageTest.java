package io.switchboard.dialect.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CardWidth;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.Media;
import io.switchboard.model.MediaContent;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalToV1MessageTest {

    private static final String SMS_CHANNEL = "ch_sms_sandbox";
    private static final Instant ACCEPTED = Instant.parse("2026-11-22T10:00:00.123Z");

    private final CanonicalToV1Message transformer = new CanonicalToV1Message();

    private static Message canonical(String fixture) {
        ObjectNode tree = (ObjectNode) Fixtures.tree("canonical/" + fixture + ".json");
        tree.put("id", "msg_01jdtest0000000000000000aa");
        tree.put("createdAt", ACCEPTED.toString());
        return Fixtures.MAPPER.convertValue(tree, Message.class);
    }

    private static Message withContent(Content content) {
        Message message = canonical("send-text-with-suggestions");
        return new Message(message.id(), message.tenantId(), message.sourceDialect(), null, message.sender(),
                message.recipient(), content, null, null, null, null, Map.of(), message.createdAt());
    }

    private static Card card(String title) {
        return new Card(title, null, Media.of(URI.create("https://cdn.example/" + title + ".jpg")), null,
                List.of(new Suggestion.Reply("Pick " + title, title)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"send-text-with-suggestions", "rich-card-standalone", "rich-card-carousel", "sms",
        "v5-every-choice-type", "v5-rcs-card", "v5-rcs-carousel", "v5-rcs-media", "v5-rcs-text"})
    void shouldWriteTheCarrierRequestOfEachCanonicalFixture(String fixture) {
        V1SendRequest request = transformer.toV1(canonical(fixture), SMS_CHANNEL);

        assertThat(Fixtures.toTree(request)).isEqualTo(Fixtures.golden("v1/" + fixture + ".json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"send-text-with-suggestions", "rich-card-standalone", "rich-card-carousel", "sms"})
    void shouldGiveBackTheV1RequestAMessageCameInWith(String fixture) {
        V1SendRequest sent = Fixtures.read("v1/" + fixture + ".json", V1SendRequest.class);
        Message message = new V1MessageToCanonical(Clock.fixed(ACCEPTED, ZoneOffset.UTC))
                .toCanonical(sent, "demo", ACCEPTED);

        ObjectNode written = (ObjectNode) Fixtures.toTree(transformer.toV1(message));

        ObjectNode expected = (ObjectNode) Fixtures.tree("v1/" + fixture + ".json");
        if (!expected.has("channel_id")) {
            // the v1 default, now said out loud
            expected.putIfAbsent("message_type", Fixtures.MAPPER.getNodeFactory().textNode("MESSAGE"));
        }
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void shouldEncodePostbackDataAsBase64OfUtf8ThatTheIngressDecodesAgain() {
        String postback = "größe=42 ✓ 🚚";
        Message message = withContent(new TextContent("Size?", List.of(new Suggestion.Reply("Yes", postback))));

        V1SendRequest request = transformer.toV1(message, SMS_CHANNEL);

        String encoded = request.content().suggestions().get(0).reply().postbackData();
        assertThat(encoded).isEqualTo(Base64.getEncoder().encodeToString(postback.getBytes(StandardCharsets.UTF_8)));
        assertThat(V1Validator.decodePostback(encoded)).isEqualTo(postback);
    }

    @Test
    void shouldLeaveOutPostbackDataTheMessageDoesNotHave() {
        Message message = withContent(new TextContent("Size?", List.of(new Suggestion.Reply("Yes", null))));

        assertThat(Fixtures.toTree(transformer.toV1(message, SMS_CHANNEL)).path("content").path("suggestions")
                .path(0).path("reply").has("postback_data")).isFalse();
    }

    @Test
    void shouldSendACarouselOfOneCardAsAStandaloneCardWithItsChips() {
        List<Suggestion> chips = List.of(new Suggestion.Reply("More", "more"));
        Message message = withContent(new CarouselContent(CardWidth.SMALL, List.of(card("A")), chips));

        V1SendRequest request = transformer.toV1(message, SMS_CHANNEL);

        assertThat(request.content().richCard().carousel()).isNull();
        V1SendRequest.Standalone standalone = request.content().richCard().standalone();
        assertThat(standalone.content().title()).isEqualTo("A");
        assertThat(standalone.content().media().url()).isEqualTo("https://cdn.example/A.jpg");
        assertThat(standalone.content().suggestions()).extracting(chip -> chip.reply().text())
                .containsExactly("Pick A");
        assertThat(request.content().suggestions()).extracting(chip -> chip.reply().text()).containsExactly("More");
    }

    @Test
    void shouldKeepACarouselOfTwoCardsACarousel() {
        Message message = withContent(new CarouselContent(null, List.of(card("A"), card("B")), List.of()));

        V1SendRequest request = transformer.toV1(message, SMS_CHANNEL);

        assertThat(request.content().richCard().standalone()).isNull();
        assertThat(request.content().richCard().carousel().cards()).extracting(V1SendRequest.Card::title)
                .containsExactly("A", "B");
    }

    @Test
    void shouldSendAMediaMessageAsACardHoldingOnlyTheMedia() {
        Media media = new Media(URI.create("https://cdn.example/v.mp4"), null, "v.mp4", "video/mp4");
        Message message = withContent(new MediaContent(media, List.of()));

        V1SendRequest.Card card = transformer.toV1(message, SMS_CHANNEL).content().richCard().standalone().content();

        assertThat(card).isEqualTo(new V1SendRequest.Card(null, null,
                new V1SendRequest.Media("https://cdn.example/v.mp4", null, null), null));
    }

    @Test
    void shouldDefaultTheTypesAnRcsSendNeedsAndWriteTheTtlInSeconds() {
        Message text = withContent(new TextContent("Hi", List.of()));
        Message message = new Message(text.id(), text.tenantId(), Dialect.PINNACLE, null, "agent_acme",
                text.recipient(), text.content(), null, null, Duration.ofMillis(1500), null, Map.of(),
                text.createdAt());

        V1SendRequest request = transformer.toV1(message, SMS_CHANNEL);

        assertThat(request.agentId()).isEqualTo("agent_acme");
        assertThat(request.messageType()).isEqualTo("MESSAGE");
        assertThat(request.trafficType()).isEqualTo("TRANSACTION");
        assertThat(request.ttl()).isEqualTo("1.5s");
    }

    @Test
    void shouldSendABrowserUrlAsOpenUrlEvenWithAWebviewMode() {
        Suggestion open = new Suggestion.OpenUrl("Open", null, URI.create("https://x.example"),
                Suggestion.UrlTarget.BROWSER, Suggestion.WebviewMode.TALL);

        V1SendRequest.Action action = transformer.toV1(withContent(new TextContent("Hi", List.of(open))),
                SMS_CHANNEL).content().suggestions().get(0).action();

        assertThat(action.openUrl()).isEqualTo(new V1SendRequest.OpenUrl("https://x.example", null));
        assertThat(action.openUrlInWebview()).isNull();
    }

    @Test
    void shouldRefuseMmsWhichV1CannotCarry() {
        Message mms = withContent(new MmsContent("hi", null, List.of(URI.create("https://cdn.example/a.jpg"))));

        assertThatThrownBy(() -> transformer.toV1(mms, SMS_CHANNEL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MMS");
    }

    @Test
    void shouldBeFoundByNameAndSendSmsFromTheCarriersSmsChannel() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getTransformerRegistry().put(TransformerKey.createFrom(transformer), transformer);
            camel.start();
            Transformer found = camel.getTransformerRegistry().resolveTransformer(new TransformerKey("v1:message"));
            assertThat(found).isSameAs(transformer);

            assertThat(transformed(camel, found, carrier(SMS_CHANNEL), canonical("sms")).channelId())
                    .isEqualTo(SMS_CHANNEL);
            assertThat(transformed(camel, found, carrier(null), canonical("sms")).channelId())
                    .isEqualTo("ch_sms_xxxx");
            assertThat(transformed(camel, found, carrier(SMS_CHANNEL), canonical("rich-card-standalone")))
                    .returns("ag_live_xxxx", V1SendRequest::agentId).returns(null, V1SendRequest::channelId);
        }
    }

    private static V1SendRequest transformed(DefaultCamelContext camel, Transformer found, CarrierConnector carrier,
            Message message) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setVariable(Variables.CARRIER, carrier);
        exchange.getMessage().setBody(message);
        found.transform(exchange.getMessage(), DataType.ANY, new DataType("v1:message"));
        return exchange.getMessage().getBody(V1SendRequest.class);
    }

    private static CarrierConnector carrier(String channelId) {
        return new CarrierConnector("sandbox-v1", Dialect.V1, V1Module.CARRIER_SIDE.capabilities(),
                "http://127.0.0.1:1/sandbox/v1", "Bearer k", null,
                channelId, "secret", null, null, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(1));
    }
}
