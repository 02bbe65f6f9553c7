package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.callback.UnmatchedCallback;
import io.switchboard.carrier.Carriers;
import io.switchboard.dialect.v1.V1CallbackToDeliveryEvent;
import io.switchboard.dialect.v1.V1CallbackToInboundEvent;
import io.switchboard.dialect.v1.V1Signatures;
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
 * routes/callbacks-v1.camel.yaml alone: v1-callback checks the X-Arowana-Signature against every configured v1
 * carrier's secret, finds the leg by the signer's message id, and publishes the normalized event; it refuses a bad
 * signature (401) in the callbacks' shape, takes and parks a callback about an id the hub has not stored yet (so the
 * carrier neither retries nor gives up), hands a user's message or typing on to the inbound flow, acknowledges other
 * events without publishing, and answers a failure of its own with 500. Publishing, parking and the inbound flow are
 * mocks; the signatures, the readers and the error policy are real.
 */
class CallbacksV1RoutesTest extends CallbackRouteFileTest {

    private static final Carriers CARRIERS = CarrierAccounts.carriers(
            CarrierAccounts.v1("arowana-a", "key-a", "ch_a", "secret-a"),
            CarrierAccounts.v1("arowana-b", "key-b", "ch_b", "secret-b"));
    private static final Envelope ENVELOPE = new Envelope("ch_a", "+14155550123", Channel.SMS);
    private static final Leg LEG_OF_A = new Leg("msg_a-1", "msg_a", "demo", 1, Channel.SMS, "arowana-a", "arw_1",
            Leg.LegStatus.ACCEPTED, null, null, ENVELOPE);
    private static final Leg LEG_OF_B = new Leg("msg_b-1", "msg_b", "demo", 1, Channel.SMS, "arowana-b", "arw_1",
            Leg.LegStatus.ACCEPTED, null, null, ENVELOPE);
    private static final byte[] DELIVERED = """
            {"id":"evt_1","event":"message.delivered","timestamp":"2026-12-07T09:59:30Z",
             "data":{"message_id":"arw_1","status":"delivered","delivered_at":"2026-12-07T09:59:00Z"}}"""
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected String dialect() {
        return "v1";
    }

    private final V1CallbackToDeliveryEvent reader = new V1CallbackToDeliveryEvent(clock);
    private final V1CallbackToInboundEvent inboundReader = new V1CallbackToInboundEvent(clock);

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
        return Map.of("v1Signatures", new V1Signatures(CARRIERS), "v1CallbackToDeliveryEvent", reader,
                "v1CallbackToInboundEvent", inboundReader);
    }

    @Test
    void shouldPublishTheDeliveryOfTheLegTheSignersMessageIdNames() {
        legs.sent(LEG_OF_A).sent(LEG_OF_B);

        Exchange answer = post(DELIVERED, signedBy("secret-b", DELIVERED));

        assertPublishedOnly(answer,
                LEG_OF_B.event(EventType.DELIVERED, Instant.parse("2026-12-07T09:59:00Z"), "arw_1", null));
    }

    @Test
    void shouldRefuseACallbackNoConfiguredSecretSignedWith401() {
        legs.sent(LEG_OF_A);

        Exchange answer = post(DELIVERED, signedBy("a-secret-the-hub-does-not-know", DELIVERED));

        assertRefused(answer, 401, """
                {"error":"unauthorized","message":"The X-Arowana-Signature signature does not match."}""");
    }

    @Test
    void shouldRefuseACallbackWithoutSignatureWith401() {
        Exchange answer = post(DELIVERED, Map.of());

        assertRefused(answer, 401, """
                {"error":"unauthorized","message":"The X-Arowana-Signature header is missing or not sha256=<hex>."}""");
    }

    @Test
    void shouldTakeAndParkACallbackAboutAMessageIdTheHubHasNotStoredYet() {
        Exchange answer = post(DELIVERED, signedBy("secret-a", DELIVERED));

        assertParkedOnly(answer, new UnmatchedCallback(Dialect.V1, List.of("arowana-a"), "arw_1", null,
                Fixtures.parse(new String(DELIVERED, StandardCharsets.UTF_8)), NOW));
    }

    @Test
    void shouldHandATappedSuggestionToTheInboundFlowWithItsPostbackDataDecoded() {
        byte[] tap = started("""
                {"type":"suggested_reply","text":"Track order","postback_data":"dHJhY2tfMTIzNA=="}""");

        Exchange answer = post(tap, signedBy("secret-b", tap));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:59:40Z"),
                "arowana-b", "evt_7", Channel.RCS, "ag_live_acme", "+4917612345678",
                UserMessage.suggestion("Track order", "track_1234"), null));
    }

    @Test
    void shouldHandAUsersTextOn() {
        byte[] text = started("""
                {"type":"text","text":"Hello?"}""");

        Exchange answer = post(text, signedBy("secret-a", text));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:59:40Z"),
                "arowana-a", "evt_7", Channel.RCS, "ag_live_acme", "+4917612345678", UserMessage.text("Hello?"),
                null));
    }

    @Test
    void shouldHandASharedLocationOn() {
        byte[] location = started("""
                {"type":"location","location":{"latitude":52.52,"longitude":13.405,"address":"Berlin"}}""");

        Exchange answer = post(location, signedBy("secret-a", location));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:59:40Z"),
                "arowana-a", "evt_7", Channel.RCS, "ag_live_acme", "+4917612345678",
                UserMessage.location(new UserLocation(52.52, 13.405, "Berlin"), null), null));
    }

    @Test
    void shouldHandTypingOn() {
        byte[] typing = """
                {"id":"evt_8","event":"user.typing","timestamp":"2026-12-07T09:59:35Z",
                 "data":{"agent_id":"ag_live_acme","from":"+4917612345678"}}""".getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(typing, signedBy("secret-a", typing));

        assertInboundOnly(answer, new InboundEvent(null, EventType.USER_TYPING,
                Instant.parse("2026-12-07T09:59:35Z"), "arowana-a", null, Channel.RCS, "ag_live_acme",
                "+4917612345678", null, null));
    }

    @Test
    void shouldRefuseAUsersEventWithoutItsUserWith400() {
        byte[] anonymous = """
                {"id":"evt_2","event":"conversation.started","data":{"agent_id":"ag_live_acme"}}"""
                .getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(anonymous, signedBy("secret-a", anonymous));

        assertThat(status(answer)).isEqualTo(400);
        assertThat(json(answer).path("details").get(0).path("field").asText()).isEqualTo("data.from");
        assertThat(inbound()).isEmpty();
    }

    @Test
    void shouldAcknowledgeAnEventAboutNoMessageStatusWithoutPublishing() {
        byte[] conversation = """
                {"id":"evt_2","event":"conversation.ended",
                 "data":{"agent_id":"ag_live_acme","from":"+4917612345678"}}"""
                .getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(conversation, signedBy("secret-a", conversation));

        assertAcknowledgedOnly(answer);
    }

    @Test
    void shouldAnswer500InTheCallbacksShapeWhenPublishingFails() {
        legs.sent(LEG_OF_A);
        publishEvent().whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("the events route failed");
        });

        Exchange answer = post(DELIVERED, signedBy("secret-a", DELIVERED));

        assertAnswered(answer, 500, """
                {"error":"internal_error","message":"The hub could not take this callback; send it again later."}""");
    }

    /** v1's conversation.started from a user to the agent, with this user_message. */
    private static byte[] started(String userMessage) {
        return """
                {"id":"evt_7","event":"conversation.started","timestamp":"2026-12-07T09:59:40Z",
                 "data":{"agent_id":"ag_live_acme","from":"+4917612345678",
                  "session_expires_at":"2026-12-08T09:59:40Z","user_message":%s}}"""
                .formatted(userMessage).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> signedBy(String secret, byte[] body) {
        return Map.of(V1Signatures.HEADER, V1Signatures.sign(secret, body));
    }
}
