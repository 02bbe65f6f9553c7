package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialect.v5.V5CallbackToDeliveryEvent;
import io.switchboard.model.Channel;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.store.Leg;
import io.switchboard.testing.CallbackRouteFileTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Transformer;
import org.junit.jupiter.api.Test;

/**
 * routes/callbacks-v5.camel.yaml alone: v5-callback takes the token in the callback URL the hub gave the leg as
 * proof of which leg a callback is about, and publishes the normalized event; it refuses a token the hub did not issue
 * for that leg (401) and a leg it does not have (404) in the callbacks' shape, and acknowledges a status it cannot
 * place without publishing. Publishing is a mock; the tokens, the reader and the error policy are real.
 */
class CallbacksV5RoutesTest extends CallbackRouteFileTest {

    private static final Leg LEG = new Leg("msg_v-1", "msg_v", "demo", 1, Channel.RCS, "rcs-v5", "g-1",
            Leg.LegStatus.ACCEPTED, null, null, new Envelope("CONVEY", "+15559876543", Channel.RCS));
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
    protected Map<String, Object> dialectBeans() {
        return Map.of();
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
}
