package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.dialect.channels.ChannelsCallbackToInboundEvent;
import io.switchboard.dialect.channels.ChannelsNotifications;
import io.switchboard.dialect.channels.ChannelsSignature;
import io.switchboard.dialect.pinnacle.PinnacleCallbackToInboundEvent;
import io.switchboard.dialect.pinnacle.PinnacleSignatures;
import io.switchboard.dialect.v1.V1CallbackToInboundEvent;
import io.switchboard.dialect.v1.V1Signatures;
import io.switchboard.dialect.v5.V5InboundToInboundEvent;
import io.switchboard.model.Channel;
import io.switchboard.model.EventType;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserLocation;
import io.switchboard.model.UserMessage;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sandbox users answer: a {@code …07} recipient answers by itself after the delivery (and, for RCS, read) reports, and
 * {@code POST /sandbox/users/{number}/replies} makes any user answer, each sandbox carrier posting the answer in its
 * own dialect's inbound callback to the hub (here a receiver standing in for it, the sandbox running alone). The
 * hub's readers of those callbacks read what the carriers post, so the two sides agree on each dialect's shape.
 */
class SandboxUserRepliesIntegrationTest {

    private static final String V5_INBOUND = "/callbacks/v5/inbound?carrier=sandbox-v5&token=t0k3n";
    private static final Clock CLOCK = Clock.systemUTC();

    private static WebhookReceiver hub;
    private static ConfigurableApplicationContext carriers;

    @BeforeAll
    static void startCarriers() {
        hub = new WebhookReceiver();
        carriers = CarriersAlone.start(hub, "100ms", "--switchboard.sandbox.v5.inbound-url=" + hub.url() + V5_INBOUND);
    }

    @AfterAll
    static void stop() {
        carriers.close();
        hub.close();
    }

    @Test
    void shouldHaveAPinnacleUserTapTheFirstQuickReplyAfterDeliveryAndRead() {
        String user = "+15557100107";
        HubClient.Response sent = sendPinnacleRcs(user);
        String messageId = sent.json().path("messageId").asText();

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(about(user), 4);

        assertThat(callbacks).extracting(callback -> callback.json().path("type").asText() + " "
                + callback.json().path("status").asText(""))
                .containsExactly("MESSAGE.STATUS DELIVERED", "MESSAGE.STATUS READ", "USER.TYPING ",
                        "MESSAGE.RECEIVED ");
        assertThat(callbacks).allSatisfy(callback -> assertThat(callback.header(PinnacleSignatures.HEADER))
                .isEqualTo("pss_sandbox-pinnacle-signing-secret"));
        PinnacleCallbackToInboundEvent reader = new PinnacleCallbackToInboundEvent(CLOCK);
        assertThat(reader.toInbound(callbacks.get(2).json(), "sandbox-pinnacle").type())
                .isEqualTo(EventType.USER_TYPING);
        InboundEvent tap = reader.toInbound(callbacks.get(3).json(), "sandbox-pinnacle");
        assertThat(tap).returns(user, InboundEvent::user).returns("agent_acme", InboundEvent::agent)
                .returns(messageId, InboundEvent::inReplyTo)
                .returns(UserMessage.suggestion("Yes", "YES"), InboundEvent::message);
    }

    @Test
    void shouldHaveAV1UserTapTheFirstSuggestedReplyWithItsPostbackDataAsTheMessageGaveIt() {
        String user = "+4917612340007";
        ObjectNode request = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        request.put("to", user);
        HubClient.Response sent = carrier().postJson("/sandbox/v1/v1/messages", request,
                "Authorization", "Bearer sk_sandbox_v1");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(callback ->
                user.equals(callback.json().path("data").path("to").asText())
                        || user.equals(callback.json().path("data").path("from").asText()), 4);

        assertThat(callbacks).extracting(callback -> callback.json().path("event").asText())
                .containsExactly("message.delivered", "message.read", "user.typing", "conversation.started");
        assertThat(callbacks).allSatisfy(callback -> assertThat(callback.header(V1Signatures.HEADER))
                .isEqualTo(V1Signatures.sign("sandbox-v1-webhook-secret",
                        callback.body().getBytes(StandardCharsets.UTF_8))));
        JsonNode userMessage = callbacks.get(3).json().path("data").path("user_message");
        assertThat(userMessage.path("postback_data").asText()).isEqualTo("dHJhY2s=");
        InboundEvent tap = new V1CallbackToInboundEvent(CLOCK).toInbound(callbacks.get(3).json(), "sandbox-v1");
        assertThat(tap).returns(user, InboundEvent::user).returns("ag_live_xxxx", InboundEvent::agent)
                .returns(UserMessage.suggestion("Track", "track"), InboundEvent::message);
    }

    @Test
    void shouldHaveAChannelsUserAnswerYesInAnIncomingSmsWithoutTyping() {
        String user = "+15557300107";
        HubClient.Response sent = sendChannelsSms(user);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(about(user), 3);

        assertThat(callbacks).extracting(callback -> callback.json().path("event").asText())
                .containsExactly("sms.outbound", "sms.outbound", "sms.inbound");
        WebhookReceiver.Received incoming = callbacks.get(2);
        String timestamp = incoming.header(ChannelsSignature.TIMESTAMP_HEADER);
        assertThat(ChannelsSignature.matches(incoming.header(ChannelsSignature.SIGNATURE_HEADER),
                "sandbox-channels-signing-key", timestamp, hub.url() + ChannelsNotifications.PATH,
                incoming.body().getBytes(StandardCharsets.UTF_8))).isTrue();
        InboundEvent answer = new ChannelsCallbackToInboundEvent(CLOCK).toInbound(incoming.json().path("payload"),
                "sandbox-channels");
        assertThat(answer).returns(user, InboundEvent::user).returns("ch-sandbox", InboundEvent::agent)
                .returns(Channel.SMS, InboundEvent::channel).returns(UserMessage.text("Yes"), InboundEvent::message);
    }

    @Test
    void shouldHaveAV5UserTapTheFirstReplyChoiceInAnMoToTheInboundUrl() {
        String user = "15557400107";
        HubClient.Response sent = sendV5(user);
        String guid = sent.json().path("data").path("results").get(0).path("messageGUID").asText();

        List<WebhookReceiver.Received> callbacks = awaitCallbacks(about(user), 4);

        assertThat(callbacks).extracting(callback -> callback.json().path("status").asText(
                callback.json().path("messageType").asText()))
                .containsExactly("DELIVERED", "READ", "TYPING", "RCS_POSTBACK");
        InboundEvent tap = new V5InboundToInboundEvent(CLOCK).toInbound(callbacks.get(3).json(), "sandbox-v5");
        assertThat(tap).returns("+" + user, InboundEvent::user).returns("ag_live_xxxx", InboundEvent::agent)
                .returns(guid, InboundEvent::inReplyTo)
                .returns(UserMessage.suggestion("Track", "track"), InboundEvent::message);
    }

    @Test
    void shouldMakeAUserReplyThroughTheCarrierThatLastSentToThem() {
        String user = "+15557400210";
        sendPinnacleRcs(user);
        sendV5(user.substring(1));
        awaitCallbacks(about(user.substring(1)), 1);

        HubClient.Response replied = carrier().postJson("/sandbox/users/" + user + "/replies",
                Map.of("latitude", 40.7128, "longitude", -74.006, "text", "here"));

        assertThat(replied.status()).as(replied.toString()).isEqualTo(202);
        assertThat(replied.json().path("carrier").asText()).isEqualTo("sandbox-v5");
        assertThat(replied.json().path("callbacks").asInt()).isEqualTo(1);
        WebhookReceiver.Received location = awaitCallbacks(callback -> about(user.substring(1)).test(callback)
                && callback.json().has("messageType") && !callback.json().has("status"), 1).get(0);
        assertThat(new V5InboundToInboundEvent(CLOCK).toInbound(location.json(), "sandbox-v5").message())
                .isEqualTo(UserMessage.location(new UserLocation(40.7128, -74.006, null), "here"));
    }

    @Test
    void shouldMakeAPinnacleUserTypeAndWriteOnRequest() {
        String user = "+15557100310";
        sendPinnacleRcs(user);
        awaitCallbacks(about(user), 1);

        HubClient.Response replied = carrier().postJson("/sandbox/users/" + user + "/replies",
                Map.of("text", "Where is my order?", "typing", true));

        assertThat(replied.status()).as(replied.toString()).isEqualTo(202);
        List<WebhookReceiver.Received> answers = awaitCallbacks(callback -> about(user).test(callback)
                && !"MESSAGE.STATUS".equals(callback.json().path("type").asText()), 2);
        assertThat(answers).extracting(callback -> callback.json().path("type").asText())
                .containsExactly("USER.TYPING", "MESSAGE.RECEIVED");
        assertThat(new PinnacleCallbackToInboundEvent(CLOCK).toInbound(answers.get(1).json(), "sandbox-pinnacle")
                .message()).isEqualTo(UserMessage.text("Where is my order?"));
    }

    @Test
    void shouldAnswer404ForANumberNoSandboxCarrierSentTo() {
        HubClient.Response replied = carrier().postJson("/sandbox/users/+15550000099/replies",
                Map.of("text", "Hello?"));

        assertThat(replied.status()).isEqualTo(404);
        assertThat(replied.json()).isEqualTo(Fixtures.parse("""
                {"error":"not_found","message":"No sandbox carrier has sent a message to +15550000099, so there is \
                no one to reply to."}"""));
    }

    @Test
    void shouldAnswer400ForAnEmptyReply() {
        String user = "+15557300410";
        sendChannelsSms(user);

        HubClient.Response replied = carrier().postJson("/sandbox/users/" + user + "/replies", Map.of());

        assertThat(replied.status()).isEqualTo(400);
        assertThat(replied.json().path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void shouldAnswer409ForTypingAloneOnSms() {
        String user = "+15557300510";
        sendChannelsSms(user);

        HubClient.Response replied = carrier().postJson("/sandbox/users/" + user + "/replies",
                Map.of("typing", true));

        assertThat(replied.status()).isEqualTo(409);
        assertThat(replied.json().path("message").asText()).contains("reports no typing");
    }

    private static HubClient carrier() {
        return CarriersAlone.client(carriers);
    }

    private static HubClient.Response sendPinnacleRcs(String user) {
        ObjectNode request = (ObjectNode) Fixtures.tree("pinnacle/send-rcs-text.json");
        request.put("to", user);
        HubClient.Response sent = carrier().postJson("/sandbox/pinnacle/messages/send/rcs", request,
                "PINNACLE-API-KEY", "sandbox-pinnacle-key");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent;
    }

    private static HubClient.Response sendChannelsSms(String user) {
        return carrier().postJson("/sandbox/channels/workspaces/2b5e7f0a-9c1d-4e3f-8a6b-5c4d3e2f1a0b/channels/"
                + "ch-sandbox/messages", Map.of("receiver", Map.of("contacts", List.of(Map.of("identifierValue",
                user))), "body", Map.of("type", "text", "text", Map.of("text", "Reply YES")), "reference",
                "msg_" + user.substring(1) + "-1"), "Authorization", "AccessKey sandbox-channels-access-key");
    }

    private static HubClient.Response sendV5(String user) {
        ObjectNode request = (ObjectNode) Fixtures.tree("v5/send-text-with-suggestions.json");
        request.put("destination", user);
        request.put("callbackURL", hub.url() + "/callbacks/v5?leg=msg_" + user + "-1&token=t");
        HubClient.Response sent = carrier().postJson("/sandbox/v5/messages", request, "Authorization",
                "Basic c2FuZGJveDpzYW5kYm94LXY1LXNlY3JldA==");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent;
    }

    /** A callback about this user, in any dialect: the number anywhere in it. */
    private static Predicate<WebhookReceiver.Received> about(String user) {
        return callback -> callback.body().contains("\"" + user + "\"");
    }

    /** The callbacks that match, in the order they came, once there are this many. */
    private static List<WebhookReceiver.Received> awaitCallbacks(Predicate<WebhookReceiver.Received> matching,
            int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.received().stream().filter(matching).count() >= count);
        return hub.received().stream().filter(matching).toList();
    }
}
