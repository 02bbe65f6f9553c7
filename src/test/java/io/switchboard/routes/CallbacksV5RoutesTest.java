package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.carrier.Carriers;
import io.switchboard.dialect.v5.V5CallbackToDeliveryEvent;
import io.switchboard.dialect.v5.V5InboundSenders;
import io.switchboard.dialect.v5.V5InboundToInboundEvent;
import io.switchboard.model.Channel;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserLocation;
import io.switchboard.model.UserMessage;
import io.switchboard.net.HubAddress;
import io.switchboard.store.Leg;
import io.switchboard.testing.CallbackRouteFileTest;
import io.switchboard.testing.CarrierAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Transformer;
import org.junit.jupiter.api.Test;

/**
 * routes/callbacks-v5.camel.yaml alone: v5-callback takes the token in the callback URL the hub gave the leg as
 * proof of which leg a callback is about, and publishes the normalized event; it refuses a token the hub did not issue
 * for that leg (401) and a leg it does not have (404) in the callbacks' shape, and acknowledges a status it cannot
 * place without publishing. v5-inbound takes the token in the carrier's inbound URL as proof of which v5 carrier
 * posts a user's message or typing (401 otherwise), and hands it to the inbound flow. Publishing and the inbound flow
 * are mocks; the tokens, the readers and the error policy are real.
 */
class CallbacksV5RoutesTest extends CallbackRouteFileTest {

    private static final Leg LEG = new Leg("msg_v-1", "msg_v", "demo", 1, Channel.RCS, "rcs-v5", "g-1",
            Leg.LegStatus.ACCEPTED, null, null, new Envelope("CONVEY", "+15559876543", Channel.RCS));
    private static final Carriers CARRIERS = CarrierAccounts.carriers(
            CarrierAccounts.v5("rcs-v5", "convey", "convey-password"),
            CarrierAccounts.v1("arowana", "key", "ch_a", "secret"));
    private static final byte[] READ = """
            {"messageGUID":"g-1","status":"READ","timestamp":"2026-12-07T09:57:00Z"}"""
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected String dialect() {
        return "v5";
    }

    @Override
    protected Transformer reader() {
        return new V5CallbackToDeliveryEvent(clock);
    }

    @Override
    protected Transformer inboundReader() {
        return new V5InboundToInboundEvent(clock);
    }

    @Override
    protected Map<String, Object> dialectBeans() {
        return Map.of("v5InboundSenders", new V5InboundSenders(new HubAddress(CarrierAccounts.HUB_URL), tokens,
                CARRIERS));
    }

    @Test
    void shouldPublishTheEventOfTheLegItsCallbackUrlNames() {
        legs.sent(LEG);

        Exchange answer = post(READ, Map.of("leg", LEG.legId(), "token", tokens.tokenFor(LEG.legId())));

        assertPublishedOnly(answer,
                LEG.event(EventType.READ, Instant.parse("2026-12-07T09:57:00Z"), "g-1", null));
    }

    @Test
    void shouldRefuseATokenIssuedForAnotherLegWith401() {
        legs.sent(LEG);

        Exchange answer = post(READ, Map.of("leg", LEG.legId(), "token", tokens.tokenFor("msg_v-2")));

        assertRefused(answer, 401, "{\"error\":\"unauthorized\",\"message\":\"The callback token is not valid.\"}");
    }

    @Test
    void shouldRefuseACallbackUrlWithoutTokenWith401() {
        legs.sent(LEG);

        Exchange answer = post(READ, Map.of("leg", LEG.legId()));

        assertRefused(answer, 401, """
                {"error":"unauthorized","message":"The callback URL is missing its leg or token."}""");
    }

    @Test
    void shouldAnswer404ForALegTheHubDoesNotHave() {
        Exchange answer = post(READ, Map.of("leg", "msg_gone-1", "token", tokens.tokenFor("msg_gone-1")));

        assertRefused(answer, 404, "{\"error\":\"not_found\",\"message\":\"No message leg msg_gone-1\"}");
    }

    @Test
    void shouldAcknowledgeAStatusItCannotPlaceWithoutPublishing() {
        legs.sent(LEG);
        byte[] unknown = "{\"messageGUID\":\"g-1\",\"status\":\"PONDERING\"}".getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(unknown, Map.of("leg", LEG.legId(), "token", tokens.tokenFor(LEG.legId())));

        assertAcknowledgedOnly(answer);
    }

    @Test
    void shouldHandAUsersTextToTheInboundFlowAsTheCarrierItsUrlNames() {
        Exchange answer = postInbound("""
                {"messageGUID":"mo-1","source":"15559876543","destination":"CONVEY","messageType":"RCS_TEXT",
                 "messageText":"Hi there","timestamp":"2026-12-07T09:59:10Z"}""", "rcs-v5", tokens.tokenFor("rcs-v5"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:59:10Z"),
                "rcs-v5", "mo-1", Channel.RCS, "CONVEY", "+15559876543", UserMessage.text("Hi there"), null));
    }

    @Test
    void shouldHandATappedSuggestionOnWithItsPostbackData() {
        Exchange answer = postInbound("""
                {"messageGUID":"mo-2","source":"15559876543","destination":"CONVEY","messageType":"RCS_POSTBACK",
                 "messageText":"Track","postbackData":"track","originalMessageGUID":"g-1",
                 "timestamp":"2026-12-07T09:59:10Z"}""", "rcs-v5", tokens.tokenFor("rcs-v5"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:59:10Z"),
                "rcs-v5", "mo-2", Channel.RCS, "CONVEY", "+15559876543", UserMessage.suggestion("Track", "track"),
                "g-1"));
    }

    @Test
    void shouldHandASharedLocationOn() {
        Exchange answer = postInbound("""
                {"messageGUID":"mo-3","source":"15559876543","destination":"CONVEY","messageType":"RCS_LOCATION",
                 "latitude":40.7128,"longitude":-74.006}""", "rcs-v5", tokens.tokenFor("rcs-v5"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, NOW, "rcs-v5", "mo-3", Channel.RCS,
                "CONVEY", "+15559876543", UserMessage.location(new UserLocation(40.7128, -74.006, null), null),
                null));
    }

    @Test
    void shouldHandAnSmsOnWithBothNumbersInE164() {
        Exchange answer = postInbound("""
                {"messageGUID":"mo-4","source":"15559876543","destination":"14155550100","messageType":"SMS",
                 "messageText":"STOP"}""", "rcs-v5", tokens.tokenFor("rcs-v5"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, NOW, "rcs-v5", "mo-4", Channel.SMS,
                "+14155550100", "+15559876543", UserMessage.text("STOP"), null));
    }

    @Test
    void shouldHandTypingOn() {
        Exchange answer = postInbound("""
                {"source":"15559876543","destination":"CONVEY","messageType":"TYPING"}""", "rcs-v5",
                tokens.tokenFor("rcs-v5"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.USER_TYPING, NOW, "rcs-v5", null, Channel.RCS,
                "CONVEY", "+15559876543", null, null));
    }

    @Test
    void shouldRefuseAnInboundUrlWhoseTokenWasIssuedForAnotherCarrierWith401() {
        Exchange answer = postInbound("""
                {"source":"15559876543","destination":"CONVEY","messageType":"TYPING"}""", "rcs-v5",
                tokens.tokenFor("rcs-v6"));

        assertRefused(answer, 401, "{\"error\":\"unauthorized\",\"message\":\"The callback token is not valid.\"}");
    }

    @Test
    void shouldRefuseAnInboundUrlWithoutTokenWith401() {
        Exchange answer = postInbound("""
                {"source":"15559876543","destination":"CONVEY","messageType":"TYPING"}""", "rcs-v5", null);

        assertRefused(answer, 401, """
                {"error":"unauthorized","message":"The inbound URL is missing its carrier or token."}""");
    }

    @Test
    void shouldRefuseTheTokenOfACarrierOfAnotherDialectWith401() {
        Exchange answer = postInbound("""
                {"source":"15559876543","destination":"CONVEY","messageType":"TYPING"}""", "arowana",
                tokens.tokenFor("arowana"));

        assertRefused(answer, 401, """
                {"error":"unauthorized","message":"No v5 carrier arowana is configured."}""");
    }

    /** A v5 carrier's MO to the inbound URL of the carrier with this token. */
    private Exchange postInbound(String body, String carrier, String token) {
        Map<String, Object> query = new HashMap<>(Map.of("carrier", carrier));
        if (token != null) {
            query.put("token", token);
        }
        return template.send("direct:v5-inbound", exchange -> {
            exchange.getMessage().setHeaders(query);
            exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        });
    }
}
