package io.switchboard.dialect.pinnacle;

import static io.switchboard.dialect.pinnacle.PinnacleFixtures.KEY;
import static io.switchboard.dialect.pinnacle.PinnacleFixtures.KEY_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every way a Pinnacle request can be refused: a 4xx in Pinnacle's shapes ({@code {"error"}}, or a Zod error with
 * the field path for a 400), and nothing recorded or enqueued.
 */
class PinnacleRefusalsIntegrationTest extends HubIntegrationTest {

    private static final String OUTBOUND = "switchboard.outbound";
    private static final List<String> ENDPOINTS = List.of("/messages/send/sms", "/messages/send/mms",
            "/messages/send/rcs", "/messages/validate/sms", "/messages/validate/mms", "/messages/validate/rcs");

    @Test
    void shouldRefuseMissingAndUnknownKeysOnEveryEndpoint() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();
        byte[] body = Fixtures.bytes("pinnacle/send-rcs-text.json");

        for (String endpoint : ENDPOINTS) {
            assertThat(error(401, hub().postJson(endpoint, body))).isEqualTo("Missing PINNACLE-API-KEY header.");
            assertThat(error(401, hub().postJson(endpoint, body, KEY_HEADER, "sk_wrong")))
                    .isEqualTo("Invalid API key.");
        }
        assertThat(error(401, hub().get("/messages/msg_x"))).isEqualTo("Missing PINNACLE-API-KEY header.");
        assertThat(error(401, hub().get("/messages/msg_x", KEY_HEADER, "sk_dev_v1"))).isEqualTo("Invalid API key.");
        assertThat(error(401, hub().postJson("/messages/send/rcs", body, "Authorization", V1_KEY)))
                .isEqualTo("Missing PINNACLE-API-KEY header.");
        assertNothingAccepted(added, stored);
    }

    @Test
    void shouldListEveryInvalidFieldInZodsShape() {
        ObjectNode body = PinnacleFixtures.offlineTree("send-rcs-cards.json");
        body.put("from", "acme");
        body.remove("to");
        ((ObjectNode) body.path("cards").get(0).path("buttons").get(0)).put("payload", "shop");
        ((ObjectNode) body.path("quickReplies").get(0)).put("type", "dial");
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode refusal = refused(400, hub().postJson("/messages/send/rcs", body, KEY_HEADER, KEY));

        assertThat(refusal).isEqualTo(Fixtures.tree("pinnacle/refused-rcs.json"));
        assertNothingAccepted(added, stored);
    }

    @Test
    void shouldRefuseMediaInsideTheHubsNetwork() {
        ObjectNode body = PinnacleFixtures.offlineTree("send-mms.json");
        body.putArray("mediaUrls").add("https://" + PinnacleFixtures.MEDIA_HOST + "/a.jpg")
                .add("http://169.254.169.254/latest/a.jpg");
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode refusal = refused(400, hub().postJson("/messages/send/mms", body, KEY_HEADER, KEY));

        JsonNode files = refusal.path("errors").path("properties").path("mediaUrls");
        assertThat(files.path("items").get(0).isNull()).isTrue();
        assertThat(files.path("items").get(1).path("errors").get(0).asText())
                .isEqualTo("points at an internal address");
        assertNothingAccepted(added, stored);
    }

    @Test
    void shouldRefuseMalformedJsonWrongTypesAndUnknownValuesWithTheirPath() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode malformed = refused(400, hub().postJson("/messages/send/sms",
                "{\"from\": \"+14155164736\",".getBytes(StandardCharsets.UTF_8), KEY_HEADER, KEY));
        assertThat(malformed.path("description").asText()).startsWith("The request body is not valid JSON");
        assertThat(malformed.path("errors").path("errors")).hasSize(1);
        assertThat(malformed.path("errors").has("properties")).isFalse();

        JsonNode notAnObject = refused(400, hub().postJson("/messages/send/rcs",
                "[1, 2]".getBytes(StandardCharsets.UTF_8), KEY_HEADER, KEY));
        assertThat(notAnObject.path("errors").path("errors").get(0).asText())
                .isEqualTo("the body must be a JSON object");

        ObjectNode wrongType = PinnacleFixtures.offlineTree("send-rcs-every-button.json");
        ((ObjectNode) wrongType.path("cards").get(1).path("buttons").get(1).path("latLong")).put("lat", "north");
        JsonNode lat = refused(400, hub().postJson("/messages/send/rcs", wrongType, KEY_HEADER, KEY))
                .path("errors").path("properties").path("cards").path("items").get(1).path("properties")
                .path("buttons").path("items").get(1).path("properties").path("latLong").path("properties")
                .path("lat");
        assertThat(lat.path("errors").get(0).asText()).isEqualTo("must be a number");

        ObjectNode notABoolean = PinnacleFixtures.offlineTree("send-mms.json");
        ((ObjectNode) notABoolean.path("options")).putArray("multiple_messages");
        JsonNode multiple = refused(400, hub().postJson("/messages/send/mms", notABoolean, KEY_HEADER, KEY));
        assertThat(multiple.path("errors").path("properties").path("options").path("properties")
                .path("multiple_messages").path("errors").get(0).asText()).isEqualTo("must be true or false");

        ObjectNode unknownValue = PinnacleFixtures.offlineTree("send-sms.json");
        ((ObjectNode) unknownValue.path("options")).put("tracking", "VISIBLE");
        JsonNode tracking = refused(400, hub().postJson("/messages/send/sms", unknownValue, KEY_HEADER, KEY));
        assertThat(tracking.path("errors").path("properties").path("options").path("properties").path("tracking")
                .path("errors").get(0).asText()).isEqualTo("must be one of ID, HIDDEN");

        assertNothingAccepted(added, stored);
    }

    @Test
    void shouldRefuseValuesOfAnotherJsonTypeRepeatedFieldsAndBytesThatAreNotUtf8() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();
        ObjectNode numberText = PinnacleFixtures.offlineTree("send-sms.json");
        numberText.put("text", 5);
        byte[] twice = "{\"from\":\"+14155164736\",\"to\":\"+14154746461\",\"text\":\"a\",\"text\":\"b\"}"
                .getBytes(StandardCharsets.UTF_8);
        // an overlong encoding of '/': Jackson would read it, UTF-8 forbids it
        byte[] overlong = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};

        JsonNode number = refused(400, hub().postJson("/messages/send/sms", numberText, KEY_HEADER, KEY));
        JsonNode repeated = refused(400, hub().postJson("/messages/send/sms", twice, KEY_HEADER, KEY));
        JsonNode notUtf8 = refused(400, hub().postJson("/messages/validate/sms", overlong, KEY_HEADER, KEY));

        assertThat(number.path("errors").path("properties").path("text").path("errors").get(0).asText())
                .isEqualTo("must be a string");
        assertThat(repeated.path("errors").path("properties").path("text").path("errors").get(0).asText())
                .isEqualTo("appears more than once");
        assertThat(notUtf8.path("errors").path("errors").get(0).asText()).isEqualTo("the body is not UTF-8 (byte 9)");
        assertNothingAccepted(added, stored);
    }

    @Test
    void shouldRefuseBodiesThatAreNotDeclaredJson() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();
        byte[] body = Fixtures.bytes("pinnacle/send-rcs-text.json");

        for (String endpoint : ENDPOINTS) {
            assertThat(error(415, hub().post(endpoint, body, KEY_HEADER, KEY, "Content-Type", "text/plain")))
                    .startsWith("Content-Type must be application/json");
        }
        assertThat(error(415, hub().post("/messages/send/sms", body, KEY_HEADER, KEY,
                "Content-Type", "application/x-www-form-urlencoded"))).startsWith("Content-Type must be");
        assertNothingAccepted(added, stored);
    }

    @Test
    void shouldRefuseBodiesOverTheLimitInPinnaclesShape() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();
        ObjectNode body = PinnacleFixtures.offlineTree("send-rcs-text.json").put("text", "x".repeat(300 * 1024));

        assertThat(error(413, hub().postJson("/messages/send/rcs", body, KEY_HEADER, KEY)))
                .isEqualTo("The request body is larger than 262144 bytes.");
        assertNothingAccepted(added, stored);
    }

    @Test
    void shouldRefuseASendScheduledTooSoon() {
        ObjectNode body = PinnacleFixtures.offlineTree("send-sms.json");
        ((ObjectNode) body.path("options").path("schedule")).put("sendAt", Instant.now().toString());
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode refusal = refused(400, hub().postJson("/messages/send/sms", body, KEY_HEADER, KEY));

        assertThat(refusal.path("errors").path("properties").path("options").path("properties").path("schedule")
                .path("properties").path("sendAt").path("errors").get(0).asText())
                .isEqualTo("must be at least 5 minutes in the future");
        assertNothingAccepted(added, stored);
    }

    @Test
    void shouldNeverEchoTheKeyOrInternalHeaders() {
        HubClient.Response response = hub().postJson("/messages/send/rcs",
                Fixtures.bytes("pinnacle/send-rcs-text.json"), KEY_HEADER, KEY, "CamelHttpResponseCode", "299",
                "SwitchboardTenantId", "other", "X-Trace", "abc");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.raw().headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("camel")
                        || name.toLowerCase().startsWith("switchboard")
                        || List.of("pinnacle-api-key", "x-trace").contains(name.toLowerCase()));
    }

    /** A refusal with {@code {"error": "<text>"}} and nothing else; returns the text. */
    private static String error(int status, HubClient.Response response) {
        JsonNode body = refused(status, response);
        assertThat(body.fieldNames()).toIterable().containsExactly("error");
        return body.path("error").asText();
    }

    private static JsonNode refused(int status, HubClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        return response.json();
    }

    private void assertNothingAccepted(long addedBefore, long storedBefore) {
        assertThat(messagesAdded(OUTBOUND)).as("nothing enqueued").isEqualTo(addedBefore);
        assertThat(storedMessages()).as("nothing recorded").isEqualTo(storedBefore);
    }
}
