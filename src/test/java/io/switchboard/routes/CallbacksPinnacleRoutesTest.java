package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.callback.UnmatchedCallback;
import io.switchboard.carrier.Carriers;
import io.switchboard.dialect.pinnacle.PinnacleCallbackToDeliveryEvent;
import io.switchboard.dialect.pinnacle.PinnacleCallbackToInboundEvent;
import io.switchboard.dialect.pinnacle.PinnacleSignatures;
import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserLocation;
import io.switchboard.model.UserMessage;
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
 * about an id the signer has not stored yet (so Pinnacle neither retries nor gives up), hands a user's message or
 * typing on to the inbound flow as the signer's inbound event, and acknowledges other events without publishing.
 * Publishing, parking and the inbound flow are mocks; the signatures, the readers and the error policy are real.
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
    private final PinnacleCallbackToInboundEvent inboundReader = new PinnacleCallbackToInboundEvent(clock);

    @Override
    protected Transformer reader() {
        return reader;
    }

    @Override
    protected Transformer inboundReader() {
        return inboundReader;
    }

    @Override
    protected Map<String, Object> dialectBeans() {
        return Map.of("pinnacleSignatures", new PinnacleSignatures(CARRIERS), "pinnacleCallbackToDeliveryEvent",
                reader, "pinnacleCallbackToInboundEvent", inboundReader);
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
    void shouldHandAUsersTextToTheInboundFlowAsTheSignersEvent() {
        Exchange answer = post(received("""
                {"type":"RCS_TEXT","id":"pin_in_1","text":"Where is my order?","quickReplies":[]}"""),
                Map.of(PinnacleSignatures.HEADER, "pss_secret-eu"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:59:00Z"),
                "pinnacle-eu", "pin_in_1", Channel.RCS, "agent_acme", "+14154746461",
                UserMessage.text("Where is my order?"), null));
    }

    @Test
    void shouldHandATappedButtonOnWithItsPayloadAndTheMessageItAnswers() {
        Exchange answer = post(received("""
                {"type":"RCS_BUTTON_DATA","id":"pin_in_2","messageId":"pin_1","button":{"type":"QUICK_REPLY",
                 "raw":{"type":"trigger","title":"Track","payload":"track"},"payload":"track","clicks":1}}"""),
                Map.of(PinnacleSignatures.HEADER, "pss_secret-eu"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:59:00Z"),
                "pinnacle-eu", "pin_in_2", Channel.RCS, "agent_acme", "+14154746461",
                UserMessage.suggestion("Track", "track"), "pin_1"));
    }

    @Test
    void shouldHandASharedLocationOn() {
        Exchange answer = post(received("""
                {"type":"RCS_LOCATION_DATA","id":"pin_in_3","messageId":"pin_1",
                 "data":{"address":"1 Market St","latitude":37.77,"longitude":-122.41}}"""),
                Map.of(PinnacleSignatures.HEADER, "pss_secret-eu"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:59:00Z"),
                "pinnacle-eu", "pin_in_3", Channel.RCS, "agent_acme", "+14154746461",
                UserMessage.location(new UserLocation(37.77, -122.41, "1 Market St"), null), "pin_1"));
    }

    @Test
    void shouldHandAnSmsReplyOnAsSms() {
        byte[] sms = """
                {"type":"MESSAGE.RECEIVED","direction":"INBOUND","sentAt":"2026-12-07T09:59:00Z",
                 "conversation":{"id":"conv_2","from":"+14154746461","to":"+14155550100"},
                 "message":{"type":"SMS","id":"pin_in_4","text":"STOP"}}""".getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(sms, Map.of(PinnacleSignatures.HEADER, "pss_secret-us"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:59:00Z"),
                "pinnacle-us", "pin_in_4", Channel.SMS, "+14155550100", "+14154746461", UserMessage.text("STOP"),
                null));
    }

    @Test
    void shouldHandTypingOn() {
        byte[] typing = """
                {"type":"USER.TYPING","startedAt":"2026-12-07T09:58:30Z",
                 "conversation":{"id":"conv_1","from":"+14154746461","to":"agent_acme"}}"""
                .getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(typing, Map.of(PinnacleSignatures.HEADER, "pss_secret-eu"));

        assertInboundOnly(answer, new InboundEvent(null, EventType.USER_TYPING,
                Instant.parse("2026-12-07T09:58:30Z"), "pinnacle-eu", null, Channel.RCS, "agent_acme",
                "+14154746461", null, null));
    }

    @Test
    void shouldRefuseAUsersEventFromNoPhoneNumberWith400() {
        byte[] nobody = """
                {"type":"MESSAGE.RECEIVED","message":{"type":"RCS_TEXT","id":"pin_9","text":"STOP"}}"""
                .getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(nobody, Map.of(PinnacleSignatures.HEADER, "pss_secret-eu"));

        assertThat(status(answer)).isEqualTo(400);
        assertThat(json(answer).path("details").get(0).path("field").asText()).isEqualTo("conversation.from");
        assertThat(inbound()).isEmpty();
    }

    @Test
    void shouldCheckTheSecretOfAUsersEventToo() {
        Exchange answer = post(received("""
                {"type":"RCS_TEXT","id":"pin_in_1","text":"Hi"}"""), Map.of(PinnacleSignatures.HEADER, "pss_forged"));

        assertRefused(answer, 401, """
                {"error":"unauthorized","message":"The PINNACLE-SIGNING-SECRET header does not match."}""");
    }

    @Test
    void shouldAcknowledgeAFormSubmissionWithoutPublishing() {
        byte[] form = """
                {"type":"FORM.SUBMISSION","conversation":{"from":"+14154746461","to":"agent_acme"}}"""
                .getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(form, Map.of(PinnacleSignatures.HEADER, "pss_secret-eu"));

        assertAcknowledgedOnly(answer);
    }

    /** A user's MESSAGE.RECEIVED to the agent, with this message. */
    private static byte[] received(String message) {
        return """
                {"type":"MESSAGE.RECEIVED","direction":"INBOUND","sentAt":"2026-12-07T09:59:00Z",
                 "conversation":{"id":"conv_1","from":"+14154746461","to":"agent_acme"},"message":%s}"""
                .formatted(message).getBytes(StandardCharsets.UTF_8);
    }
}
