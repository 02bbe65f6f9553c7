package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.callback.UnmatchedCallback;
import io.switchboard.carrier.Carriers;
import io.switchboard.dialect.channels.ChannelsCallbackToDeliveryEvent;
import io.switchboard.dialect.channels.ChannelsCallbackToInboundEvent;
import io.switchboard.dialect.channels.ChannelsNotifications;
import io.switchboard.dialect.channels.ChannelsSignature;
import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserMessage;
import io.switchboard.net.HubAddress;
import io.switchboard.store.Leg;
import io.switchboard.testing.CallbackRouteFileTest;
import io.switchboard.testing.CarrierAccounts;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Transformer;
import org.junit.jupiter.api.Test;

/**
 * routes/callbacks-channels.camel.yaml alone: channels-callback checks the messagebird-signature (over the timestamp,
 * the hub's URL and the body) against every configured Channels carrier, finds the message resource in the
 * notification and its leg (by the signer's message id, else by the reference holding the leg id), and publishes the
 * normalized event; an incoming message on a carrier's channel goes to the inbound flow as that carrier's. It refuses
 * a bad signature (401) in the callbacks' shape, takes and parks an unknown message whose reference is a leg id (so
 * Bird neither retries nor gives up), and acknowledges without publishing a notification about no message, a message
 * the hub did not send, an incoming one on another channel and a status it cannot place. Publishing, parking and the
 * inbound flow are mocks; the notifications bean, the readers and the error policy are real.
 */
class CallbacksChannelsRoutesTest extends CallbackRouteFileTest {

    private static final Carriers CARRIERS = CarrierAccounts.carriers(
            CarrierAccounts.channels("bird", "bird-access-key", "ws-1", "ch-1", "bird-signing-key"));
    private static final Envelope ENVELOPE = new Envelope("+14155550100", "+14155550123", Channel.SMS);
    private static final Leg ANSWERED = new Leg("msg_c-1", "msg_c", "demo", 1, Channel.SMS, "bird", "m-1",
            Leg.LegStatus.ACCEPTED, null, null, ENVELOPE);
    private static final Leg UNANSWERED = new Leg("msg_c-1", "msg_c", "demo", 1, Channel.SMS, "bird", null,
            Leg.LegStatus.DISPATCHING, null, null, ENVELOPE);

    @Override
    protected String dialect() {
        return "channels";
    }

    @Override
    protected Transformer reader() {
        return new ChannelsCallbackToDeliveryEvent(clock);
    }

    private final ChannelsCallbackToInboundEvent inboundReader = new ChannelsCallbackToInboundEvent(clock);

    @Override
    protected Transformer inboundReader() {
        return inboundReader;
    }

    @Override
    protected Map<String, Object> dialectBeans() {
        return Map.of("channelsNotifications", new ChannelsNotifications(CARRIERS, callbackLegs,
                new HubAddress(CarrierAccounts.HUB_URL), clock, Duration.ofHours(9)),
                "channelsCallbackToInboundEvent", inboundReader);
    }

    @Test
    void shouldHandAnIncomingSmsToTheInboundFlowAsTheCarrierOfItsChannel() {
        byte[] incoming = incoming("ch-1", """
                {"type":"text","text":{"text":"YES"}}""");

        Exchange answer = post(incoming, signedBy("bird-signing-key", incoming));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:58:00Z"),
                "bird", "in-1", Channel.SMS, "+14155550100", "+14155550123", UserMessage.text("YES"), null));
    }

    @Test
    void shouldHandAnIncomingMmsOnWithItsPictures() {
        byte[] incoming = incoming("ch-1", """
                {"type":"image","image":{"images":[{"mediaUrl":"https://media.example/cat.jpg"}],"text":"Look"}}""");

        Exchange answer = post(incoming, signedBy("bird-signing-key", incoming));

        assertInboundOnly(answer, new InboundEvent(null, EventType.RECEIVED, Instant.parse("2026-12-07T09:58:00Z"),
                "bird", "in-1", Channel.MMS, "+14155550100", "+14155550123",
                UserMessage.media(List.of(URI.create("https://media.example/cat.jpg")), "Look"), null));
    }

    @Test
    void shouldAcknowledgeAnIncomingMessageOnAChannelNoCarrierUses() {
        byte[] incoming = incoming("ch-other", """
                {"type":"text","text":{"text":"YES"}}""");

        Exchange answer = post(incoming, signedBy("bird-signing-key", incoming));

        assertAcknowledgedOnly(answer);
    }

    @Test
    void shouldPublishTheStatusOfTheLegTheSignersMessageIdNames() {
        legs.sent(ANSWERED);
        byte[] delivered = notification("m-1", "delivered", "msg_c-1");

        Exchange answer = post(delivered, signedBy("bird-signing-key", delivered));

        assertPublishedOnly(answer,
                ANSWERED.event(EventType.DELIVERED, Instant.parse("2026-12-07T09:56:00Z"), "m-1", null));
    }

    @Test
    void shouldFindALegWhoseAnswerIsNotStoredYetByItsReference() {
        legs.sent(UNANSWERED);
        byte[] accepted = notification("m-1", "accepted", "msg_c-1");

        Exchange answer = post(accepted, signedBy("bird-signing-key", accepted));

        assertPublishedOnly(answer,
                UNANSWERED.event(EventType.SENT, Instant.parse("2026-12-07T09:56:00Z"), "m-1", null));
    }

    @Test
    void shouldRefuseANotificationNoCarriersKeySignedWith401() {
        legs.sent(ANSWERED);
        byte[] delivered = notification("m-1", "delivered", "msg_c-1");

        Exchange answer = post(delivered, signedBy("a-key-the-hub-does-not-know", delivered));

        assertRefused(answer, 401, """
                {"error":"unauthorized","message":"The messagebird-signature is not valid."}""");
    }

    @Test
    void shouldTakeAndParkAnUnknownMessageWhoseReferenceIsALegId() {
        byte[] delivered = notification("m-1", "delivered", "msg_c-1");

        Exchange answer = post(delivered, signedBy("bird-signing-key", delivered));

        assertParkedOnly(answer, new UnmatchedCallback(Dialect.CHANNELS, List.of("bird"), "m-1", "msg_c-1",
                Fixtures.parse(new String(delivered, StandardCharsets.UTF_8)).path("payload"), NOW));
    }

    @Test
    void shouldAcknowledgeAMessageTheHubDidNotSendWithoutPublishing() {
        byte[] delivered = notification("m-7", "delivered", "order-77");

        Exchange answer = post(delivered, signedBy("bird-signing-key", delivered));

        assertAcknowledgedOnly(answer);
    }

    @Test
    void shouldAcknowledgeANotificationAboutNoMessageWithoutPublishing() {
        byte[] channelUpdated = """
                {"service":"channels","event":"channel.updated","payload":{"id":"ch-1","name":"Alerts"}}"""
                .getBytes(StandardCharsets.UTF_8);

        Exchange answer = post(channelUpdated, signedBy("bird-signing-key", channelUpdated));

        assertAcknowledgedOnly(answer);
    }

    @Test
    void shouldAcknowledgeAStatusItCannotPlaceWithoutPublishing() {
        legs.sent(ANSWERED);
        byte[] unknown = notification("m-1", "teleported", "msg_c-1");

        Exchange answer = post(unknown, signedBy("bird-signing-key", unknown));

        assertAcknowledgedOnly(answer);
    }

    /** Bird's sms.inbound: a user's message to the channel's number. */
    private static byte[] incoming(String channelId, String body) {
        return """
                {"service":"channels","event":"sms.inbound","payload":{"id":"in-1","channelId":"%s",
                 "status":"delivered","direction":"incoming","createdAt":"2026-12-07T09:58:00Z",
                 "sender":{"contact":{"identifierKey":"phonenumber","identifierValue":"+14155550123"}},
                 "receiver":{"connector":{"identifierValue":"+14155550100"}},"body":%s}}"""
                .formatted(channelId, body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] notification(String messageId, String status, String reference) {
        return """
                {"service":"channels","event":"sms.outbound","payload":{"id":"%s","channelId":"ch-1","status":"%s",
                 "reference":"%s","lastStatusAt":"2026-12-07T09:56:00Z"}}"""
                .formatted(messageId, status, reference).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> signedBy(String signingKey, byte[] body) {
        String timestamp = String.valueOf(NOW.minusSeconds(5).getEpochSecond());
        return Map.of(ChannelsSignature.TIMESTAMP_HEADER, timestamp, ChannelsSignature.SIGNATURE_HEADER,
                ChannelsSignature.sign(signingKey, timestamp, CarrierAccounts.HUB_URL + ChannelsNotifications.PATH,
                        body));
    }
}
