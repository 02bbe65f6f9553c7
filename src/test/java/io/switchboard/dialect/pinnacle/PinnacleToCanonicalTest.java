package io.switchboard.dialect.pinnacle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.camel.Variables;
import io.switchboard.model.CardContent;
import io.switchboard.model.CardOrientation;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.ImageAlignment;
import io.switchboard.model.Message;
import io.switchboard.model.Suggestion;
import io.switchboard.tenant.Tenant;
import io.switchboard.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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

class PinnacleToCanonicalTest {

    private static final Instant ACCEPTED = Instant.parse("2025-06-01T12:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(ACCEPTED, ZoneOffset.UTC);

    private final PinnacleSmsToCanonical sms = new PinnacleSmsToCanonical(CLOCK);
    private final PinnacleMmsToCanonical mms = new PinnacleMmsToCanonical(CLOCK);
    private final PinnacleRcsToCanonical rcs = new PinnacleRcsToCanonical(CLOCK);

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({
        "send-sms.json, canonical-sms.json",
        "send-mms.json, canonical-mms.json",
        "send-rcs-text.json, canonical-rcs-text.json",
        "send-rcs-media.json, canonical-rcs-media.json",
        "send-rcs-cards.json, canonical-rcs-cards.json",
        "send-rcs-every-button.json, canonical-rcs-every-button.json"
    })
    void shouldTranslateEachFixtureToItsCanonicalForm(String request, String expected) {
        Message message = translate(request);

        assertThat(message.id()).matches("msg_[0-9a-z]{26}");
        assertThat(message.createdAt()).isEqualTo(ACCEPTED);
        ObjectNode tree = (ObjectNode) Fixtures.toTree(message);
        tree.remove(List.of("id", "createdAt"));
        assertThat(tree).isEqualTo(Fixtures.tree("pinnacle/" + expected));
    }

    @Test
    void shouldLayOutAStandaloneCardAsTheOptionsSay() {
        Message message = translate("send-rcs-standalone-card.json");

        CardContent card = (CardContent) message.content();
        assertThat(card.orientation()).isEqualTo(CardOrientation.HORIZONTAL);
        assertThat(card.imageAlignment()).isEqualTo(ImageAlignment.LEFT);
    }

    @Test
    void shouldTakeAnEventTimeWithoutOffsetAsUtc() {
        ObjectNode body = Fixtures.tree("pinnacle/send-rcs-every-button.json").deepCopy();
        ((ObjectNode) body.path("cards").get(1).path("buttons").get(0)).put("eventStartTime", "2030-03-03T18:00:00");
        PinnacleWire.RcsSend request = Fixtures.MAPPER.convertValue(body, PinnacleWire.RcsSend.class);

        CarouselContent carousel = (CarouselContent) rcs.toCanonical(request, "demo", ACCEPTED).content();

        Suggestion.CreateCalendarEvent event = (Suggestion.CreateCalendarEvent) carousel.cards().get(1)
                .suggestions().get(0);
        assertThat(event.start()).isEqualTo(OffsetDateTime.parse("2030-03-03T18:00:00Z"));
    }

    @Test
    void shouldFallBackToMmsWhenTheTextIsOverTheSegmentLimit() {
        ObjectNode body = Fixtures.tree("pinnacle/send-rcs-cards.json").deepCopy();
        ((ObjectNode) body.get("fallback")).put("text", "a".repeat(1531));

        PinnacleWire.RcsSend request = Fixtures.MAPPER.convertValue(body, PinnacleWire.RcsSend.class);

        FailoverPlan failover = rcs.toCanonical(request, "demo", ACCEPTED).failover();

        assertThat(failover.sms()).isNull();
        assertThat(failover.mms().text()).hasSize(1531);
        assertThat(failover.mms().mediaUrls()).isEmpty();
    }

    @Test
    void shouldBeFoundByItsDataTypesAndReadTheTenantFromTheExchange() throws Exception {
        List<PinnacleToCanonical<?>> transformers = List.of(sms, mms, rcs);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            transformers.forEach(transformer -> camel.getTransformerRegistry()
                    .put(TransformerKey.createFrom(transformer), transformer));
            camel.start();
            for (String dialectType : List.of("pinnacle:sms", "pinnacle:mms", "pinnacle:rcs")) {
                Transformer found = camel.getTransformerRegistry().resolveTransformer(
                        new TransformerKey(new DataType(dialectType), new DataType("canonical:message")));
                assertThat(found).as(dialectType).isIn(transformers.toArray());
            }

            Exchange exchange = new DefaultExchange(camel);
            exchange.setVariable(Variables.TENANT, new Tenant("acme", "Acme"));
            exchange.getMessage().setBody(Fixtures.read("pinnacle/send-rcs-text.json", PinnacleWire.RcsSend.class));
            rcs.transform(exchange.getMessage(), new DataType("pinnacle:rcs"), new DataType("canonical:message"));

            Message message = exchange.getMessage().getBody(Message.class);
            assertThat(message.tenantId()).isEqualTo("acme");
            assertThat(message.createdAt()).isEqualTo(ACCEPTED);
        }
    }

    private Message translate(String fixture) {
        String name = "pinnacle/" + fixture;
        if (fixture.startsWith("send-sms")) {
            return sms.toCanonical(Fixtures.read(name, PinnacleWire.SmsSend.class), "demo", ACCEPTED);
        }
        if (fixture.startsWith("send-mms")) {
            return mms.toCanonical(Fixtures.read(name, PinnacleWire.MmsSend.class), "demo", ACCEPTED);
        }
        return rcs.toCanonical(Fixtures.read(name, PinnacleWire.RcsSend.class), "demo", ACCEPTED);
    }
}
