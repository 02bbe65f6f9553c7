package io.switchboard.dialect.pinnacle;

import static io.switchboard.dialect.pinnacle.PinnacleFixtures.KEY;
import static io.switchboard.dialect.pinnacle.PinnacleFixtures.KEY_HEADER;
import static io.switchboard.dialect.pinnacle.PinnacleFixtures.MEDIA_HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Pinnacle endpoint over real HTTP: a send is answered 200 in Pinnacle's shape once queued, and the message
 * reads back through {@code GET /messages/{id}} and, for the same tenant, {@code GET /v1/messages/{id}}.
 */
class PinnacleIngressIntegrationTest extends HubIntegrationTest {

    private static final String OUTBOUND = "switchboard.outbound";

    @Test
    void shouldSendAnSmsAndShowItInBothDialects() {
        ObjectNode request = PinnacleFixtures.offlineTree("send-sms.json");
        request.remove("options");
        long added = messagesAdded(OUTBOUND);

        JsonNode sent = accepted("/messages/send/sms", request);

        eventually().until(() -> messagesAdded(OUTBOUND) == added + 1);
        ObjectNode answer = sent.deepCopy();
        String messageId = answer.remove("messageId").asText();
        assertThat(messageId).matches("msg_[0-9a-z]{26}");
        assertThat(answer).isEqualTo(Fixtures.MAPPER.createObjectNode()
                .<ObjectNode>set("segments", Fixtures.MAPPER.createObjectNode().put("count", 1).put("encoding", "gsm7"))
                .put("totalCost", 0.01).put("sender", "+14155164736").put("recipient", "+14154746461")
                .put("status", "queued"));

        // SMS without a routing rule of its own goes through the default SMS carrier, the Channels sandbox
        eventually().until(() -> timeline(messageId).contains("delivered"));
        JsonNode message = pinnacleMessage(messageId);
        assertThat(message.path("id").asText()).isEqualTo(messageId);
        assertThat(message.path("type").asText()).isEqualTo("SMS");
        assertThat(message.path("method").asText()).isEqualTo("API");
        assertThat(message.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(message.path("content")).isEqualTo(Fixtures.MAPPER.createObjectNode().put("text", "Hey!"));
        assertThat(message.path("receiver").asText()).isEqualTo("+14154746461");
        JsonNode v1 = status(messageId);
        assertThat(v1.path("channel").asText()).isEqualTo("SMS");
        assertThat(v1.path("status").asText()).isEqualTo("delivered");
    }

    @Test
    void shouldSendAnMmsOfTwelveFilesAsTwoMessages() {
        ObjectNode request = PinnacleFixtures.offlineTree("send-mms.json");
        ArrayNode files = request.putArray("mediaUrls");
        for (int i = 0; i < 12; i++) {
            files.add("https://" + MEDIA_HOST + "/photos/" + i + ".jpg");
        }
        long added = messagesAdded(OUTBOUND);

        JsonNode sent = accepted("/messages/send/mms", request);

        eventually().until(() -> messagesAdded(OUTBOUND) == added + 2);
        assertThat(sent.path("segments").asInt()).isEqualTo(2);
        assertThat(sent.path("totalCost").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(sent.path("status").asText()).isEqualTo("queued");
        assertThat(sent.path("messageIds")).hasSize(2);
        String secondId = sent.path("messageIds").get(1).asText();
        JsonNode first = pinnacleMessage(sent.path("messageIds").get(0).asText()).path("content");
        JsonNode second = pinnacleMessage(secondId).path("content");
        assertThat(first.path("text").asText()).isEqualTo("Check out this image!");
        assertThat(first.path("mediaUrls")).hasSize(10);
        assertThat(second.has("text")).isFalse();
        assertThat(second.path("mediaUrls")).hasSize(2);
        assertThat(status(secondId).path("channel").asText()).isEqualTo("MMS");
    }

    @Test
    void shouldSendRcsThroughTheSandboxAndShowItDelivered() {
        JsonNode sent = accepted("/messages/send/rcs", PinnacleFixtures.offlineTree("send-rcs-text.json"));

        ObjectNode answer = sent.deepCopy();
        String messageId = answer.remove("messageId").asText();
        assertThat(answer).isEqualTo(Fixtures.MAPPER.createObjectNode().put("segments", 1).put("totalCost", 0.02)
                .put("sender", "agent_acme").put("recipient", "+14154746461").put("status", "queued"));
        eventually().until(() -> pinnacleMessage(messageId).path("status").asText().equals("DELIVERED"));
        JsonNode message = pinnacleMessage(messageId);
        assertThat(Instant.parse(message.path("deliveredAt").asText()))
                .isAfterOrEqualTo(Instant.parse(message.path("sentAt").asText()));
        assertThat(message.path("content")).isEqualTo(Fixtures.tree("pinnacle/validate-rcs-text.json"));
        assertThat(message.path("error").isNull()).isTrue();
        assertThat(status(messageId).path("status").asText()).isEqualTo("delivered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"send-rcs-media.json", "send-rcs-cards.json", "send-rcs-standalone-card.json"})
    void shouldAcceptEachRcsShape(String fixture) {
        long added = messagesAdded(OUTBOUND);

        JsonNode sent = accepted("/messages/send/rcs", PinnacleFixtures.offlineTree(fixture));

        eventually().until(() -> messagesAdded(OUTBOUND) == added + 1);
        JsonNode message = pinnacleMessage(sent.path("messageId").asText());
        assertThat(message.path("type").asText()).isEqualTo("RCS");
        assertThat(message.path("sender").asText()).isEqualTo("agent_acme");
        assertThat(status(sent.path("messageId").asText()).path("channel").asText()).isEqualTo("RCS");
    }

    @Test
    void shouldScheduleASendAndAnswerWithTheSchedule() {
        JsonNode sent = accepted("/messages/send/rcs", PinnacleFixtures.offlineTree("send-rcs-every-button.json"));

        assertThat(sent.path("scheduleId").asText()).matches("msg_[0-9a-z]{26}");
        assertThat(sent.path("config")).isEqualTo(Fixtures.MAPPER.createObjectNode()
                .put("sendAt", "2030-03-01T09:00:00").put("recurrence", "cron(0 9 ? * MON-FRI *)")
                .put("timezone", "America/Los_Angeles").put("endDate", "2030-03-31T09:00:00"));
        JsonNode message = pinnacleMessage(sent.path("scheduleId").asText());
        assertThat(message.path("status").asText()).isEqualTo("QUEUED");
        assertThat(message.path("content")).isEqualTo(PinnacleFixtures.offlineTree("message-rcs-every-button.json"));
    }

    @Test
    void shouldValidateWithoutSendingOrStoringAnything() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode sms = accepted("/messages/validate/sms", Fixtures.tree("pinnacle/validate-sms.json"));
        JsonNode mms = accepted("/messages/validate/mms", PinnacleFixtures.offlineTree("validate-mms.json"));
        JsonNode rcs = accepted("/messages/validate/rcs", PinnacleFixtures.offlineTree("validate-rcs-cards.json"));
        ObjectNode internal = PinnacleFixtures.offlineTree("validate-rcs-media.json")
                .put("media", "https://10.0.0.7/v.mp4");
        JsonNode unsupported = accepted("/messages/validate/rcs", internal);

        assertThat(sms).isEqualTo(Fixtures.tree("pinnacle/validated-sms.json"));
        assertThat(mms.path("segments").path("value").get(0).path("files").get(0).asText())
                .isEqualTo("https://" + MEDIA_HOST + "/a.jpg");
        assertThat(mms.path("total").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(rcs).isEqualTo(Fixtures.tree("pinnacle/validated-rcs.json"));
        assertThat(unsupported.path("unsupportedFiles")).extracting(JsonNode::asText)
                .containsExactly("https://10.0.0.7/v.mp4");
        assertThat(messagesAdded(OUTBOUND)).isEqualTo(added);
        assertThat(storedMessages()).isEqualTo(stored);
    }

    @Test
    void shouldShowOnlyTheTenantsOwnMessages() {
        String othersMessage = hub().postJson("/v1/messages", Fixtures.bytes("v1/send-text-with-suggestions.json"),
                "Authorization", OTHER_TENANT_V1_KEY).json().path("message_id").asText();

        HubClient.Response asDemo = hub().get("/messages/" + othersMessage, KEY_HEADER, KEY);

        assertThat(asDemo.status()).isEqualTo(404);
        assertThat(asDemo.json()).isEqualTo(Fixtures.MAPPER.createObjectNode()
                .put("error", "No message " + othersMessage + " was found."));
        assertThat(hub().get("/messages/msg_doesnotexist", KEY_HEADER, KEY).status()).isEqualTo(404);
    }

    @Test
    void shouldShowAMessageSentThroughV1InPinnaclesShape() {
        String messageId = sendV1("+14155550104");

        JsonNode message = pinnacleMessage(messageId);

        assertThat(message.path("type").asText()).isEqualTo("RCS");
        assertThat(message.path("sender").asText()).isEqualTo("ag_live_xxxx");
        assertThat(message.path("content").path("quickReplies")).hasSize(7);
    }

    private JsonNode accepted(String path, Object body) {
        HubClient.Response response = hub().postJson(path, body, KEY_HEADER, KEY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        return response.json();
    }

    private JsonNode pinnacleMessage(String messageId) {
        HubClient.Response response = hub().get("/messages/" + messageId, KEY_HEADER, KEY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
