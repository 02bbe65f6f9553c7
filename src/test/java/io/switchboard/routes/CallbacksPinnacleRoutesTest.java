package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.callback.UnmatchedCallback;
import io.switchboard.carrier.Carriers;
import io.switchboard.dialect.pinnacle.PinnacleCallbackToDeliveryEvent;
import io.switchboard.dialect.pinnacle.PinnacleSignatures;
import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.store.Leg;
import io.switchboard.testing.CallbackRouteFileTest;
import io.switchboard.testing.CarrierAccounts;
import io.switchboard.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Transformer;
import org.junit.jupiter.api.Test;

/**
 * routes/callbacks-pinnacle.camel.yaml alone: pinnacle-callback takes the PINNACLE-SIGNING-SECRET as proof of which
 * configured Pinnacle carrier sent a MessageEvent, finds the leg by that carrier's message id, and publishes the
 * normalized event; it refuses a missing or unknown secret (401) in the callbacks' shape, takes and parks a callback
 * about an id the signer has not stored yet (so Pinnacle neither retries nor gives up), and acknowledges events about
 * no message status without publishing. Publishing and parking are mocks; the signatures, the reader and the error
 * policy are real.
 */
class CallbacksPinnacleRoutesTest extends CallbackRouteFileTest {

    private static final Carriers CARRIERS = CarrierAccounts.carriers(
            CarrierAccounts.pinnacle("pinnacle-us", "key-us", "pss_secret-us"),
            CarrierAccounts.pinnacle("pinnacle-eu", "key-eu", "pss_secret-eu"));
    private static final Leg LEG = new Leg("msg_p-1", "msg_p", "demo", 1, Channel.RCS, "pinnacle-eu", "pin_1",
            Leg.LegStatus.ACCEPTED, null, null, new Envelope("agent_acme", "+14154746461", Channel.RCS));
    private static final byte[] DELIVERED = """
            {"type":"MESSAGE.STATUS","status":"DELIVERED","messageId":"pin_1","deliveredAt":"2026-12-07T09:58:00Z"}"""
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected String dialect() {
        return "pinnacle";
    }

    private final PinnacleCallbackToDeliveryEvent reader = new PinnacleCallbackToDeliveryEvent(clock);

    @Override
    protected Transformer reader() {
        return reader;
    }

    @Override
    protected Map<String, Object> dialectBeans() {
        return Map.of("pinnacleSignatures", new PinnacleSignatures(CARRIERS), "pinnacleCallbackToDeliveryEvent",
                reader);
    }

    @Test
    void shouldPublishTheDeliveryOfTheLegTheSignersMessageIdNames() {
        legs.sent(LEG);

        Exchange answer = post(DELIVERED, Map.of(PinnacleSignatures.HEADER, "pss_secret-eu"));

        assertPublishedOnly(answer,
                LEG.event(EventType.DELIVERED, Instant.parse("2026-12-07T09:58:00Z"), "pin_1", null));
    }

    @Test
    void shouldRefuseASecretNoConfiguredCarrierHasWith401() {
        legs.sent(LEG);

        Exchange answer = post(DELIVERED, Map.of(PinnacleSignatures.HEADER, "pss_forged"));

        assertRefused(answer, 401, """
                {"error":"unauthorized","message":"The PINNACLE-SIGNING-SECRET header does not match."}""");
    }

    @Test
    void shouldRefuseACallbackWithoutSecretWith401() {
        legs.sent(LEG);

        Exchange answer = post(DELIVERED, Map.of());

        assertRefused(answer, 401, """
                {"error":"unauthorized","message":"The PINNACLE-SIGNING-SECRET header is missing."}""");
    }

    @Test
    void shouldTakeAndParkACallbackAboutAMessageIdTheSignerHasNotStoredYet() {
        legs.sent(LEG);

        Exchange answer = post(DELIVERED, Map.of(PinnacleSignatures.HEADER, "pss_secret-us"));

        assertParkedOnly(answer, new UnmatchedCallback(Dialect.PINNACLE, List.of("pinnacle-us"), "pin_1", null,
                Fixtures.parse(new String(DELIVERED, StandardCharsets.UTF_8)), NOW));
    }

    @Test
    void shouldAcknowledgeAnInboundMessageWithoutPublishing() {
        byte[] inbound = """
                {"type":"MESSAGE.RECEIVED","message":{"id":"pin_9","text":"STOP"}}""".getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(inbound, Map.of(PinnacleSignatures.HEADER, "pss_secret-eu"));

        assertAcknowledgedOnly(answer);
    }
}
