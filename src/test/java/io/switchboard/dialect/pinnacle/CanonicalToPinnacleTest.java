package io.switchboard.dialect.pinnacle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CardOrientation;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.ImageAlignment;
import io.switchboard.model.Media;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalToPinnacleTest {

    private static final Instant ACCEPTED = Instant.parse("2026-11-22T10:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(ACCEPTED, ZoneOffset.UTC);

    private final CanonicalToPinnacleSms sms = new CanonicalToPinnacleSms();
    private final CanonicalToPinnacleMms mms = new CanonicalToPinnacleMms();
    private final CanonicalToPinnacleRcs rcs = new CanonicalToPinnacleRcs();

    private static Message canonical(String fixture) {
        ObjectNode tree = (ObjectNode) Fixtures.tree("canonical/" + fixture + ".json");
        tree.put("id", "msg_01jdtest0000000000000000aa");
        tree.put("createdAt", ACCEPTED.toString());
        return Fixtures.MAPPER.convertValue(tree, Message.class);
    }

    private Object request(Message message) {
        return switch (message.channel()) {
            case SMS -> sms.toSms(message);
            case MMS -> mms.toMms(message);
            case RCS -> rcs.toRcs(message);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"send-text-with-suggestions", "rich-card-standalone", "rich-card-carousel", "sms",
        "mms-images", "mms-files", "v5-every-choice-type", "v5-rcs-card", "v5-rcs-carousel", "v5-rcs-media",
        "v5-rcs-text"})
    void shouldWriteTheCarrierRequestOfEachCanonicalFixture(String fixture) {
        assertThat(Fixtures.toTree(request(canonical(fixture))))
                .isEqualTo(Fixtures.golden("pinnacle/" + fixture + ".json"));
    }

    @ParameterizedTest
    @CsvSource({"send-sms.json, sms", "send-mms.json, mms", "send-rcs-text.json, rcs", "send-rcs-media.json, rcs",
        "send-rcs-cards.json, rcs", "send-rcs-standalone-card.json, rcs", "send-rcs-every-button.json, rcs"})
    void shouldGiveBackThePinnacleRequestAMessageCameInWithButItsScheduleAndFallback(String fixture, String kind) {
        ObjectNode sent = (ObjectNode) Fixtures.tree("pinnacle/" + fixture);
        Message message = switch (kind) {
            case "sms" -> new PinnacleSmsToCanonical(CLOCK).toCanonical(
                    Fixtures.MAPPER.convertValue(sent, PinnacleWire.SmsSend.class), "demo", ACCEPTED);
            case "mms" -> new PinnacleMmsToCanonical(CLOCK).toCanonical(
                    Fixtures.MAPPER.convertValue(sent, PinnacleWire.MmsSend.class), "demo", ACCEPTED);
            default -> new PinnacleRcsToCanonical(CLOCK).toCanonical(
                    Fixtures.MAPPER.convertValue(sent, PinnacleWire.RcsSend.class), "demo", ACCEPTED);
        };

        ObjectNode expected = sent.deepCopy();
        // the hub holds the schedule and runs the failover itself
        expected.remove("fallback");
        if (expected.path("quickReplies").isEmpty()) {
            // no quick replies are left out rather than sent as []
            expected.remove("quickReplies");
        }
        if (expected.path("options").isObject()) {
            ObjectNode options = (ObjectNode) expected.get("options");
            options.remove("schedule");
            if (options.isEmpty()) {
                expected.remove("options");
            }
        }
        assertThat(Fixtures.toTree(request(message))).isEqualTo(expected);
    }

    @Test
    void shouldSendACardWithoutTitleWithItsDescriptionOrFileNameAsTitle() {
        Card described = new Card(null, "Fresh bread daily", null, null, List.of());
        Card pictured = new Card(null, null, Media.of(URI.create("https://cdn.example/menu/bread.jpg")), null,
                List.of());
        Card lengthy = new Card(null, "x".repeat(250), null, null, List.of());

        List<PinnacleWire.Card> cards = rcs.toRcs(withContent(new CarouselContent(null,
                List.of(described, pictured, lengthy), List.of()))).cards();

        assertThat(cards.get(0)).returns("Fresh bread daily", PinnacleWire.Card::title)
                .returns(null, PinnacleWire.Card::subtitle);
        assertThat(cards.get(1).title()).isEqualTo("bread.jpg");
        assertThat(cards.get(2).title()).hasSize(PinnacleValidator.MAX_CARD_TITLE).endsWith("...");
        assertThat(cards.get(2).subtitle()).isEqualTo("x".repeat(250));
    }

    @Test
    void shouldSendAtMostTenQuickRepliesAndPostBackALabelWhereAReplyHasNoData() {
        List<Suggestion> eleven = IntStream.rangeClosed(1, 11)
                .mapToObj(i -> (Suggestion) new Suggestion.Reply("Option " + i, null)).toList();

        PinnacleWire.RcsSend request = rcs.toRcs(withContent(new TextContent("Pick one", eleven)));

        assertThat(request.quickReplies()).hasSize(CanonicalToPinnacleRcs.MAX_QUICK_REPLIES);
        assertThat(request.quickReplies().get(9)).returns("trigger", PinnacleWire.Button::type)
                .returns("Option 10", PinnacleWire.Button::payload);
    }

    @Test
    void shouldSendACardLayoutOnlyWithItsOrientation() {
        Card card = new Card("Shoe", null, null, null, List.of());

        assertThat(rcs.toRcs(withContent(new CardContent(card, null, ImageAlignment.LEFT, List.of()))).options())
                .isNull();
        assertThat(rcs.toRcs(withContent(new CardContent(card, CardOrientation.HORIZONTAL, ImageAlignment.LEFT,
                List.of()))).options().standaloneCard())
                .isEqualTo(new PinnacleWire.StandaloneCard("HORIZONTAL", "LEFT"));
    }

    @Test
    void shouldSendTheSubjectOfAnMmsWithoutTextAsItsText() {
        Message message = withContent(new MmsContent(null, "Your receipt",
                List.of(URI.create("https://cdn.example/receipt.pdf"))));

        assertThat(mms.toMms(message).text()).isEqualTo("Your receipt");
    }

    @Test
    void shouldBeFoundByNameAndSendFromTheCarriersAgentAndNumberWhenTheSenderIsNotPinnacles() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            for (Transformer transformer : List.of(sms, mms, rcs)) {
                camel.getTransformerRegistry().put(TransformerKey.createFrom(transformer), transformer);
            }
            camel.start();
            Message v5Card = canonical("v5-rcs-card");
            Message pinnacleText = withContent(new TextContent("Hi", List.of()));
            Message v1Sms = canonical("sms");

            assertThat(((PinnacleWire.RcsSend) transformed(camel, "pinnacle:rcs", v5Card)).from())
                    .isEqualTo("agent_carrier");
            assertThat(((PinnacleWire.RcsSend) transformed(camel, "pinnacle:rcs", pinnacleText)).from())
                    .isEqualTo(pinnacleText.sender());
            assertThat(((PinnacleWire.SmsSend) transformed(camel, "pinnacle:sms", v1Sms)).from())
                    .isEqualTo("+14155550199");
        }
    }

    private static Object transformed(DefaultCamelContext camel, String name, Message message) throws Exception {
        Transformer found = camel.getTransformerRegistry().resolveTransformer(new TransformerKey(name));
        assertThat(found).as(name).isNotNull();
        Exchange exchange = new DefaultExchange(camel);
        exchange.setVariable(Variables.CARRIER, new CarrierConnector("sandbox-pinnacle", Dialect.PINNACLE,
                PinnacleModule.CARRIER_SIDE.capabilities(),
                "http://127.0.0.1:1/sandbox/pinnacle", "key", null, null, "pss_secret", "+14155550199",
                "agent_carrier", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(1)));
        exchange.getMessage().setBody(message);
        found.transform(exchange.getMessage(), DataType.ANY, new DataType(name));
        return exchange.getMessage().getBody();
    }

    private static Message withContent(Content content) {
        return new Message("msg_1", "demo", Dialect.PINNACLE, null, "agent_acme", "+14154746461", content, null,
                null, null, null, Map.of(), ACCEPTED);
    }
}
