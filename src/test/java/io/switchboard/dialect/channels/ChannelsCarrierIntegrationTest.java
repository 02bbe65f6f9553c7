package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * MMS and SMS sent by a Pinnacle client through the Channels sandbox: +1555730… is a channel with outgoing MMS,
 * +1555731… one without, where the MMS goes as an SMS with its picture as a link. Checks what reached the sandbox
 * carrier and the timeline its signed notifications build.
 */
class ChannelsCarrierIntegrationTest extends HubIntegrationTest {

    /** A documentation address (RFC 5737): media hosts must resolve, and the build machines have no DNS. */
    private static final String PICTURE = "https://192.0.2.10/photos/a.jpg";
    /** The sandbox workspace and channels of config/application.yaml. */
    private static final String WORKSPACE = "2b5e7f0a-9c1d-4e3f-8a6b-5c4d3e2f1a0b";
    private static final String MMS_CHANNEL = "6f8d2c1e-5b7a-4c3d-9e2f-1a0b3c4d5e6f";
    private static final String SMS_ONLY_CHANNEL = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String ACCESS_KEY = "AccessKey sandbox-channels-access-key";

    @Autowired
    private SandboxLedger sandbox;

    @Test
    void shouldSendAnMmsAsAnImageThroughAChannelWithMms() {
        String messageId = sendMms("+15557300042");

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        SandboxLedger.Entry entry = onlyEntry("+15557300042");
        assertThat(entry.headerNames()).contains("authorization");
        assertThat(Fixtures.toTree(entry.request())).isEqualTo(Fixtures.MAPPER.createObjectNode()
                .<ObjectNode>set("receiver", receiver("+15557300042"))
                .<ObjectNode>set("body", Fixtures.MAPPER.createObjectNode().put("type", "image")
                        .set("image", Fixtures.MAPPER.createObjectNode()
                                .<ObjectNode>set("images", Fixtures.MAPPER.createArrayNode()
                                        .add(Fixtures.MAPPER.createObjectNode().put("mediaUrl", PICTURE)))
                                .put("text", "Look at this")))
                .put("reference", messageId + "-1"));
        assertThat(status(messageId).path("status").asText()).isEqualTo("delivered");
    }

    @Test
    void shouldSendAnMmsAsAnSmsWithALinkThroughAChannelWithoutMms() {
        String messageId = sendMms("+15557310042");

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        SandboxLedger.Entry entry = onlyEntry("+15557310042");
        assertThat(Fixtures.toTree(entry.request()).path("body")).isEqualTo(Fixtures.MAPPER.createObjectNode()
                .put("type", "text")
                .set("text", Fixtures.MAPPER.createObjectNode().put("text", "Look at this\n" + PICTURE)));
        JsonNode delivered = status(messageId).path("events").get(2);
        assertThat(Instant.parse(delivered.path("at").asText()))
                .isAfterOrEqualTo(Instant.parse(status(messageId).path("events").get(1).path("at").asText()));
    }

    @Test
    void shouldRecordTheDeliveryFailureTheCarrierReports() {
        String messageId = sendMms("+15557300106");

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "failed")::equals);
        assertThat(status(messageId).path("events").get(2).path("reason").asText()).isEqualTo("Handset unreachable");
    }

    @Test
    void shouldRefuseAnUnsignedNotification() {
        HubClient.Response answer = hub().post("/callbacks/channels",
                "{\"id\":\"x\",\"status\":\"delivered\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", ChannelsSignature.TIMESTAMP_HEADER,
                String.valueOf(Instant.now().getEpochSecond()), ChannelsSignature.SIGNATURE_HEADER, "bm90IGl0");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void shouldAcknowledgeASignedNotificationAboutAMessageTheHubDidNotSend() throws Exception {
        byte[] body = Fixtures.MAPPER.writeValueAsBytes(new ChannelsNotification(ChannelsNotification.SERVICE,
                ChannelsNotification.SMS_OUTBOUND, new ChannelsMessageResource("someone-elses", MMS_CHANNEL,
                        "delivered", null, "outgoing", "order-77", null, null, null, null, null)));
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = ChannelsSignature.sign("sandbox-channels-signing-key", timestamp,
                "http://127.0.0.1:" + port + "/callbacks/channels", body);

        HubClient.Response answer = hub().post("/callbacks/channels", body, "Content-Type", "application/json",
                ChannelsSignature.TIMESTAMP_HEADER, timestamp, ChannelsSignature.SIGNATURE_HEADER, signature);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("received");
    }

    @Test
    void shouldAnswerTheChannelLookupInTheApisShapeWithEachChannelsMmsCapability() {
        JsonNode mms = sandboxGet(MMS_CHANNEL, ACCESS_KEY);
        JsonNode smsOnly = sandboxGet(SMS_ONLY_CHANNEL, ACCESS_KEY);

        assertThat(mms.path("capabilities").path("messaging").path("messaging").path("outgoing").path("mms")
                .path("status").asText()).isEqualTo("active");
        assertThat(Fixtures.MAPPER.convertValue(mms, ChannelsChannel.class).sendsMms()).isTrue();
        assertThat(Fixtures.MAPPER.convertValue(smsOnly, ChannelsChannel.class).sendsMms()).isFalse();
        assertThat(hub().get(channelPath(MMS_CHANNEL), "Authorization", "AccessKey wrong").status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAnImageOnAChannelWithoutMmsLikeTheApi() {
        ChannelsMessage image = new ChannelsMessage(ChannelsMessage.Receiver.phoneNumber("+15557310002"),
                ChannelsMessage.Body.image(new ChannelsMessage.Image(
                        List.of(new ChannelsMessage.ImageItem(PICTURE, null)), null, null)), null, "ref-1");

        HubClient.Response refused = hub().postJson(channelPath(SMS_ONLY_CHANNEL) + "/messages", image,
                "Authorization", ACCESS_KEY);
        HubClient.Response accepted = hub().postJson(channelPath(MMS_CHANNEL) + "/messages", image,
                "Authorization", ACCESS_KEY);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("details").get(0).path("field").asText()).isEqualTo("body.type");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().path("status").asText()).isEqualTo("accepted");
        assertThat(accepted.json().path("reference").asText()).isEqualTo("ref-1");
    }

    private JsonNode sandboxGet(String channelId, String accessKey) {
        HubClient.Response answer = hub().get(channelPath(channelId), "Authorization", accessKey);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static String channelPath(String channelId) {
        return "/sandbox/channels/workspaces/" + WORKSPACE + "/channels/" + channelId;
    }

    private String sendMms(String recipient) {
        ObjectNode request = Fixtures.MAPPER.createObjectNode().put("from", "+14155164736").put("to", recipient)
                .put("text", "Look at this");
        request.putArray("mediaUrls").add(PICTURE);
        HubClient.Response sent = hub().postJson("/messages/send/mms", request, "PINNACLE-API-KEY",
                "sk_dev_pinnacle");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.json().path("messageIds").get(0).asText();
    }

    private SandboxLedger.Entry onlyEntry(String recipient) {
        eventually().during(Duration.ofMillis(200)).until(() -> entries(recipient).size() == 1);
        return entries(recipient).get(0);
    }

    private List<SandboxLedger.Entry> entries(String recipient) {
        return sandbox.entries().stream().filter(entry -> recipient.equals(entry.recipient())).toList();
    }

    private static JsonNode receiver(String number) {
        ObjectNode receiver = Fixtures.MAPPER.createObjectNode();
        receiver.putArray("contacts").addObject().put("identifierValue", number);
        return receiver;
    }
}
