package io.switchboard.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TemplateContent;
import io.switchboard.model.TextContent;
import io.switchboard.testing.DialectModulesForTests;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarrierContentTest {

    private static final TextContent RCS = new TextContent("Hi", List.of(new Suggestion.Reply("Ok", "OK")));
    private static final FailoverPlan.SmsLeg SMS_LEG = new FailoverPlan.SmsLeg("+14155550111", "Hi by SMS");
    private static final FailoverPlan.MmsLeg MMS_LEG = new FailoverPlan.MmsLeg("+14155550112", "Hi by MMS",
            List.of(URI.create("https://example.com/a.jpg")), "Hello");

    private final CarrierContent fitting = new CarrierContent();

    @Test
    void contentTheCarrierCarriesGoesAsItIs() {
        Message message = message(RCS, new FailoverPlan(SMS_LEG, null));

        assertThat(fitting.fit(message, carrier(Dialect.V5))).isSameAs(message);
        assertThat(fitting.fit(message(new SmsContent("x"), null), carrier(Dialect.PINNACLE)).content())
                .isEqualTo(new SmsContent("x"));
    }

    @Test
    void rcsForAnSmsMmsCarrierTakesTheClientsMmsLegFirstThenItsSmsLeg() {
        Message both = fitting.fit(message(RCS, new FailoverPlan(SMS_LEG, MMS_LEG)), carrier(Dialect.CHANNELS));
        assertThat(both.content()).isEqualTo(new MmsContent("Hi by MMS", "Hello", MMS_LEG.mediaUrls()));
        assertThat(both.sender()).isEqualTo("+14155550112");

        Message smsOnly = fitting.fit(message(RCS, new FailoverPlan(SMS_LEG, null)), carrier(Dialect.CHANNELS));
        assertThat(smsOnly.content()).isEqualTo(new SmsContent("Hi by SMS"));
        assertThat(smsOnly.sender()).isEqualTo("+14155550111");
    }

    @Test
    void rcsWithoutAClientLegIsTranscodedAndSentFromTheCarriersNumber() {
        Message fitted = fitting.fit(message(RCS, null), carrier(Dialect.CHANNELS));

        assertThat(fitted.content()).isEqualTo(new SmsContent("Hi\nReply: Ok"));
        assertThat(fitted.sender()).isEqualTo("+14155550199");
        assertThat(fitted.id()).isEqualTo("msg_1");
    }

    @Test
    void smsOrMmsCannotGoThroughAnRcsOnlyCarrier() {
        assertThat(fitting.fit(message(new SmsContent("x"), null), carrier(Dialect.V5))).isNull();
        assertThat(fitting.fit(message(new MmsContent(null, null, List.of(URI.create("https://e.com/a.png"))),
                null), carrier(Dialect.V1))).isNull();
    }

    @Test
    void templateContentGoesOnlyThroughAChannelsCarrier() {
        Message template = message(new TemplateContent("project", "latest", "en",
                List.of(new TemplateContent.Parameter("name", "Ann"))), null);

        assertThat(fitting.fit(template, carrier(Dialect.CHANNELS))).isSameAs(template);
        assertThat(fitting.fit(template, carrier(Dialect.PINNACLE))).isNull();
        assertThat(fitting.fit(template, carrier(Dialect.V1))).isNull();
        assertThat(fitting.fit(template, carrier(Dialect.V5))).isNull();
    }

    private static Message message(Content content, FailoverPlan plan) {
        return new Message("msg_1", "demo", Dialect.V1, null, "agent_acme", "+14155550100", content, plan, null,
                null, null, null, Instant.EPOCH);
    }

    private static CarrierConnector carrier(Dialect dialect) {
        return new CarrierConnector("c", dialect,
                DialectModulesForTests.carrierSides().of(dialect).carrierSide().capabilities(), "http://127.0.0.1:1", "secret", null, null, null, "+14155550199", null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(1));
    }
}
