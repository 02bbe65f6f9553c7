package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a v1 request can be refused: the v1 error envelope, a 4xx, and nothing recorded or enqueued. */
class V1RefusalsIntegrationTest extends HubIntegrationTest {

    private static final String OUTBOUND = "switchboard.outbound";

    private static byte[] validBody() {
        return Fixtures.bytes("v1/send-text-with-suggestions.json");
    }

    /** Sends the request and checks it was refused with the v1 envelope and left no trace. */
    private JsonNode refused(int status, String code, HubClient.Response response, long addedBefore,
            long storedBefore) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode error = response.json();
        assertThat(error.path("error").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("details").isArray()).isTrue();
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(messagesAdded(OUTBOUND)).as("nothing enqueued").isEqualTo(addedBefore);
        assertThat(storedMessages()).as("nothing recorded").isEqualTo(storedBefore);
        return error;
    }

    @Test
    void shouldRefuseMissingAndUnknownKeys() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        refused(401, "unauthorized", hub().postJson("/v1/messages", validBody()), added, stored);
        refused(401, "unauthorized", hub().postJson("/v1/messages", validBody(), "Authorization", "Bearer sk_wrong"),
                added, stored);
        refused(401, "unauthorized", hub().postJson("/v1/messages", validBody(), "Authorization", "Basic c2s6c2s="),
                added, stored);
        refused(401, "unauthorized", hub().get("/v1/messages/msg_x"), added, stored);
        refused(401, "unauthorized", hub().postJson("/v1/webhooks", "{}".getBytes(StandardCharsets.UTF_8)),
                added, stored);
    }

    @Test
    void shouldListEveryInvalidFieldWithItsPath() {
        ObjectNode body = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        body.remove("to");
        body.put("traffic_type", "SPAM");
        ((ObjectNode) body.path("content").path("suggestions").get(0).path("reply")).put("text", "x".repeat(26));
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode error = refused(400, "validation_error",
                hub().postJson("/v1/messages", body, "Authorization", V1_KEY), added, stored);

        assertThat(error.path("details").findValuesAsText("field"))
                .containsExactly("to", "traffic_type", "content.suggestions[0].reply.text");
        assertThat(error.path("details").get(2).path("message").asText()).isEqualTo("must be at most 25 characters");
    }

    @Test
    void shouldRefuseAnAgentIdLongerThanTheStoreKeeps() {
        ObjectNode body = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        body.put("agent_id", "a".repeat(129));
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode error = refused(400, "validation_error",
                hub().postJson("/v1/messages", body, "Authorization", V1_KEY), added, stored);

        assertThat(error.path("details").findValuesAsText("field")).containsExactly("agent_id");
    }

    @Test
    void shouldRefuseMalformedJsonWrongTypesAndWrongContentTypes() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode malformed = refused(400, "invalid_json", hub().postJson("/v1/messages",
                "{\"to\": \"+1555\",".getBytes(StandardCharsets.UTF_8), "Authorization", V1_KEY), added, stored);
        assertThat(malformed.path("details").get(0).path("field").asText()).isEqualTo("body");

        JsonNode wrongType = refused(400, "invalid_json", hub().postJson("/v1/messages",
                "{\"to\":\"+15550001111\",\"content\":{\"text\":[\"a\"]}}".getBytes(StandardCharsets.UTF_8),
                "Authorization", V1_KEY), added, stored);
        assertThat(wrongType.path("details").get(0).path("field").asText()).isEqualTo("content.text");
        assertThat(wrongType.path("details").get(0).path("message").asText()).isEqualTo("must be a string");

        refused(415, "unsupported_media_type", hub().post("/v1/messages", validBody(), "Authorization", V1_KEY,
                "Content-Type", "text/plain"), added, stored);
        refused(415, "unsupported_media_type", hub().post("/v1/messages", validBody(), "Authorization", V1_KEY,
                "Content-Type", "application/x-www-form-urlencoded"), added, stored);
    }

    @Test
    void shouldRefuseValuesOfAnotherJsonTypeInsteadOfConvertingThem() {
        ObjectNode falseText = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        ((ObjectNode) falseText.get("content")).put("text", false);
        ObjectNode numberTo = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        numberTo.put("to", 4917612345678L);
        ObjectNode textLatitude = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        ((ObjectNode) textLatitude.at("/content/suggestions/3/action/view_location/lat_long")).put("latitude", "52.52");
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        for (var wrong : List.of(List.of(falseText, "content.text", "must be a string"),
                List.of(numberTo, "to", "must be a string"),
                List.of(textLatitude, "content.suggestions[3].action.view_location.lat_long.latitude",
                        "must be a number"))) {
            JsonNode error = refused(400, "invalid_json",
                    hub().postJson("/v1/messages", wrong.get(0), "Authorization", V1_KEY), added, stored);
            assertThat(error.path("details")).singleElement().satisfies(detail -> {
                assertThat(detail.path("field").asText()).isEqualTo(wrong.get(1));
                assertThat(detail.path("message").asText()).isEqualTo(wrong.get(2));
            });
        }
    }

    @Test
    void shouldRefuseAFieldNamedTwiceAndBytesThatAreNotUtf8() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();
        byte[] twice = "{\"to\":\"+4917612345678\",\"content\":{\"text\":\"Hi\",\"text\":\"Bye\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = "{\"to\":\"+4917612345678\",\"content\":{\"text\":\"caf\u00e9\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);

        JsonNode repeated = refused(400, "invalid_json",
                hub().postJson("/v1/messages", twice, "Authorization", V1_KEY), added, stored);
        JsonNode latin1 = refused(400, "invalid_json", hub().post("/v1/messages", notUtf8, "Authorization", V1_KEY,
                "Content-Type", "application/json; charset=ISO-8859-1"), added, stored);

        assertThat(repeated.path("message").asText()).isEqualTo("The field 'content.text' appears more than once.");
        assertThat(repeated.path("details").get(0).path("field").asText()).isEqualTo("content.text");
        assertThat(latin1.path("details").get(0).path("field").asText()).isEqualTo("body");
        assertThat(latin1.path("details").get(0).path("message").asText())
                .isEqualTo("the body is not UTF-8 (byte " + (notUtf8.length - 4) + ")");
    }

    @Test
    void shouldRefuseBodiesOverTheLimitBeforeReadingThemWhole() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();
        ObjectNode body = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        ((ObjectNode) body.get("content")).put("text", "x".repeat(300 * 1024));

        JsonNode error = refused(413, "payload_too_large",
                hub().postJson("/v1/messages", body, "Authorization", V1_KEY), added, stored);

        assertThat(error.path("message").asText()).contains("262144 bytes");
    }

    @Test
    void shouldNeverEchoRequestOrInternalHeaders() {
        HubClient.Response response = hub().postJson("/v1/messages", validBody(), "Authorization", V1_KEY,
                "CamelHttpResponseCode", "299", "SwitchboardTenantId", "other", "X-Trace", "abc");

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.raw().headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("camel")
                        || name.toLowerCase().startsWith("switchboard")
                        || List.of("authorization", "x-trace", "idempotency-key").contains(name.toLowerCase()));
        String messageId = response.json().path("message_id").asText();
        assertThat(hub().get("/v1/messages/" + messageId, "Authorization", V1_KEY).status()).isEqualTo(200);
    }

    @Test
    void shouldHideOtherTenantsMessages() {
        String messageId = hub().postJson("/v1/messages", validBody(), "Authorization", V1_KEY).json()
                .path("message_id").asText();

        HubClient.Response asOther = hub().get("/v1/messages/" + messageId, "Authorization", OTHER_TENANT_V1_KEY);

        assertThat(asOther.status()).isEqualTo(404);
        assertThat(asOther.json().path("error").asText()).isEqualTo("not_found");
        assertThat(hub().get("/v1/messages/msg_doesnotexist", "Authorization", V1_KEY).status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseWebhookTargetsThatAreNotUsable() {
        HubClient.Response response = hub().postJson("/v1/webhooks", java.util.Map.of(
                "url", "http://169.254.169.254/latest/meta-data", "events", List.of("message.sent", "message.nope"),
                "secret", "plain-text"), "Authorization", V1_KEY);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("details").findValuesAsText("field"))
                .containsExactly("url", "events[1]", "secret");
        assertThat(response.json().path("details").get(0).path("message").asText()).contains("internal address");
    }
}
