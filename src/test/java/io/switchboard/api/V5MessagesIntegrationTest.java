package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /v5/messages} over real HTTP: every example of seed 004 is accepted in the seed's success shape and
 * queued; every refusal is a 4xx in the seed's error shape and leaves nothing recorded or queued.
 */
class V5MessagesIntegrationTest extends HubIntegrationTest {

    private static final String OUTBOUND = "switchboard.outbound";
    private static final String V5_LOGIN = basic("dev:sk_dev_v5");

    private static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    }

    private HubClient.Response send(Object body) {
        return hub().postJson("/v5/messages", body, "Authorization", V5_LOGIN);
    }

    /** Checks the response is the v5 error shape with this status and that nothing was recorded or queued. */
    private JsonNode refused(int status, HubClient.Response response, long addedBefore, long storedBefore) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json();
        assertThat(error.path("status").asText()).isEqualTo("error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("data").isArray()).isTrue();
        assertThat(messagesAdded(OUTBOUND)).as("nothing enqueued").isEqualTo(addedBefore);
        assertThat(storedMessages()).as("nothing recorded").isEqualTo(storedBefore);
        return error;
    }

    /** The one problem of a 400, as {field, description, message}. */
    private JsonNode onlyProblem(int status, HubClient.Response response) {
        JsonNode error = refused(status, response, messagesAdded(OUTBOUND), storedMessages());
        assertThat(error.path("data")).as(response.toString()).hasSize(1);
        return error.path("data").get(0);
    }

    private static ObjectNode fixture(String name) {
        return (ObjectNode) Fixtures.tree(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.switchboard.dialect.v5.V5Fixtures#accepted")
    void shouldAcceptEverySeedExampleAndQueueItUnderTheMessageGuidItAnswers(String fixture) {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        HubClient.Response response = send(Fixtures.bytes(fixture));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        String messageGuid = assertSuccessShape(response.json());
        assertThat(storedMessages()).isEqualTo(stored + 1);
        eventually().until(() -> messagesAdded(OUTBOUND) > added);
        JsonNode status = status(messageGuid);
        assertThat(status.path("id").asText()).isEqualTo(messageGuid);
        assertThat(status.path("to").asText()).isEqualTo("+15559876543");
        assertThat(status.path("agent_id").asText()).isEqualTo("CONVEY");
        assertThat(status.path("channel").asText()).isEqualTo("RCS");
    }

    /** Compares the answer with the seed's success example; returns the messageGUID, which differs per message. */
    private static String assertSuccessShape(JsonNode answer) {
        JsonNode expected = Fixtures.tree("v5/seed/success.response.json");
        String messageGuid = answer.path("data").path("results").path(0).path("messageGUID").asText();
        assertThat(messageGuid).matches("msg_[0-9a-z]{26}");
        ObjectNode normalized = answer.deepCopy();
        ((ObjectNode) normalized.path("data").path("results").get(0)).set("messageGUID",
                expected.path("data").path("results").get(0).get("messageGUID"));
        assertThat(normalized).isEqualTo(expected);
        return messageGuid;
    }

    @Test
    void shouldAcceptTheReadmeExample() throws IOException {
        HubClient.Response response = send(Files.readAllBytes(Path.of("docs/examples/v5-rcs-card.json")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertSuccessShape(response.json());
    }

    @Test
    void shouldDeliverAV5CarouselThroughTheV5Sandbox() {
        ObjectNode carousel = fixture("v5/carousel-with-message-choices.json");
        carousel.put("destination", "15559876504");

        HubClient.Response response = send(carousel);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String messageGuid = response.json().path("data").path("results").path(0).path("messageGUID").asText();
        assertThat(response.json().path("data").path("results").path(0).path("destination").asText())
                .isEqualTo("15559876504");
        eventually().until(() -> timeline(messageGuid), List.of("queued", "sent", "delivered", "read")::equals);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.switchboard.dialect.v5.V5Fixtures#seedErrors")
    void shouldRefuseTheSeedsErrorExamplesWithExactlyTheSeedsErrorBody(String example) {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode error = refused(400, send(Fixtures.bytes(example + ".json")), added, stored);

        assertThat(error).isEqualTo(Fixtures.tree(example + ".response.json"));
    }

    @Test
    void shouldRefuseMissingAndWrongCredentialsInTheV5Shape() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();
        byte[] valid = Fixtures.bytes("v5/seed/rcs-text.json");

        JsonNode missing = refused(401, hub().postJson("/v5/messages", valid), added, stored);
        JsonNode wrongPassword = refused(401, hub().postJson("/v5/messages", valid, "Authorization",
                basic("dev:wrong")), added, stored);
        refused(401, hub().postJson("/v5/messages", valid, "Authorization", V1_KEY), added, stored);
        refused(401, hub().postJson("/v5/messages", valid, "Authorization", "Basic not-base64!"), added, stored);

        assertThat(missing).isEqualTo(Fixtures.MAPPER.valueToTree(Map.of("status", "error",
                "message", "HTTP Basic authentication is required.", "data", List.of())));
        assertThat(wrongPassword.path("message").asText()).isEqualTo("Invalid username or password.");
    }

    @Test
    void shouldRefuseMalformedJsonAndBodiesThatAreNotJson() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode malformed = refused(400, send("{\"messageType\": \"RCS_TEXT\",".getBytes(StandardCharsets.UTF_8)),
                added, stored);
        JsonNode notJson = refused(415, hub().post("/v5/messages", Fixtures.bytes("v5/seed/rcs-text.json"),
                "Authorization", V5_LOGIN, "Content-Type", "text/plain"), added, stored);

        assertThat(malformed.path("message").asText()).isEqualTo("Missing or invalid parameters in body");
        assertThat(malformed.path("data").get(0).path("field").asText()).isEqualTo("body");
        assertThat(malformed.path("data").get(0).path("description").asText()).isEqualTo("Body");
        assertThat(malformed.path("data").get(0).path("message").asText()).contains("line 1");
        assertThat(notJson.path("message").asText()).isEqualTo("Content-Type must be application/json, not 'text/plain'.");
        assertThat(notJson.path("data")).isEmpty();
    }

    /** A value of another JSON type is refused, never converted: {@code "title": 0} is not the text "0". */
    @Test
    void shouldNameTheFieldOfTheWrongJsonType() {
        ObjectNode notAnArray = fixture("v5/seed/rcs-text.json");
        notAnArray.putObject("choices").put("type", "REPLY");
        ObjectNode notABoolean = fixture("v5/seed/rcs-text.json");
        ((ObjectNode) notABoolean.get("smsFailover")).put("enabled", "yes");
        ObjectNode notANumber = fixture("v5/seed/choice-show-location.json");
        ((ObjectNode) notANumber.get("choices").get(0)).put("latitude", "north");
        ObjectNode notAString = fixture("v5/seed/rcs-carousel.json");
        ((ObjectNode) notAString.get("cards").get(1)).putObject("title").put("text", "Card 2");
        ObjectNode numberTitle = fixture("v5/seed/rcs-card.json");
        numberTitle.put("title", 0);
        ObjectNode textBoolean = fixture("v5/seed/rcs-card.json");
        ((ObjectNode) textBoolean.get("mmsFailover")).put("enabled", "true");
        ObjectNode booleanDestination = fixture("v5/seed/rcs-card.json");
        booleanDestination.put("destination", true);
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        for (Map.Entry<ObjectNode, JsonNode> wrong : List.of(
                Map.entry(notAnArray, problem("choices", "Choices", "'choices' must be an array")),
                Map.entry(notABoolean, problem("smsFailover.enabled", "enabled", "'enabled' must be true or false")),
                Map.entry(notANumber, problem("choices.0.latitude", "latitude", "'latitude' must be a number")),
                Map.entry(notAString, problem("cards.1.title", "title", "'title' must be a string")),
                Map.entry(numberTitle, problem("title", "Title", "'title' must be a string")),
                Map.entry(textBoolean, problem("mmsFailover.enabled", "enabled", "'enabled' must be true or false")),
                Map.entry(booleanDestination,
                        problem("destination", "Destination", "'destination' must be a string")))) {
            assertThat(onlyProblem(400, send(wrong.getKey()))).isEqualTo(wrong.getValue());
        }
        assertThat(messagesAdded(OUTBOUND)).as("nothing enqueued").isEqualTo(added);
        assertThat(storedMessages()).as("nothing recorded").isEqualTo(stored);
    }

    @Test
    void shouldRefuseAFieldNamedTwiceAndBytesThatAreNotUtf8() {
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();
        String card = new String(Fixtures.bytes("v5/seed/rcs-card.json"), StandardCharsets.UTF_8);
        byte[] twice = card.replace("\"title\": \"Welcome!\",", "\"title\": \"Welcome!\", \"title\": \"Hi\",")
                .getBytes(StandardCharsets.UTF_8);
        byte[] surrogate = card.getBytes(StandardCharsets.UTF_8);
        int welcome = card.indexOf("Welcome");
        // U+D800 encoded as if it were a character: Jackson reads it, UTF-8 forbids it
        surrogate[welcome] = (byte) 0xED;
        surrogate[welcome + 1] = (byte) 0xA0;
        surrogate[welcome + 2] = (byte) 0x80;

        JsonNode repeated = refused(400, send(twice), added, stored);
        JsonNode notUtf8 = refused(400, send(surrogate), added, stored);

        assertThat(repeated.path("data")).containsExactly(problem("title", "Title", "'title' appears more than once"));
        assertThat(notUtf8.path("data")).containsExactly(problem("body", "Body",
                "the body is not UTF-8 (byte " + welcome + ")"));
    }

    @Test
    void shouldRefuseUnknownEnumValuesWithTheirPaths() {
        ObjectNode body = fixture("v5/seed/rcs-carousel.json");
        ObjectNode firstCard = (ObjectNode) body.get("cards").get(0);
        firstCard.put("height", "HUGE");
        ((ObjectNode) firstCard.get("choices").get(0)).put("application", "APP");
        ((ObjectNode) firstCard.get("choices").get(0)).put("webviewViewMode", "WIDE");
        ((ObjectNode) body.get("cards").get(1).get("choices").get(0)).put("type", "OPEN_APP");
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode error = refused(400, send(body), added, stored);

        assertThat(error.path("data").findValuesAsText("field")).containsExactly("cards.0.height",
                "cards.0.choices.0.application", "cards.0.choices.0.webviewViewMode", "cards.1.choices.0.type");
        assertThat(error.path("data").get(0)).isEqualTo(problem("cards.0.height", "height",
                "'height' must be one of SHORT, MEDIUM, TALL"));

        ObjectNode unknownType = fixture("v5/seed/rcs-text.json");
        unknownType.put("messageType", "RCS_STORY");
        assertThat(onlyProblem(400, send(unknownType))).isEqualTo(problem("messageType", "Message Type",
                "'messageType' must be one of RCS_TEXT, RCS_MEDIA, RCS_CARD, RCS_CAROUSEL"));
    }

    @Test
    void shouldRefuseMediaAndCallbackUrlsIntoTheHubsNetwork() {
        ObjectNode body = fixture("v5/seed/rcs-media.json");
        body.put("mediaUrl", "http://169.254.169.254/latest/meta-data");
        body.put("callbackURL", "http://10.1.2.3/status");
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode error = refused(400, send(body), added, stored);

        assertThat(error.path("data")).containsExactly(
                problem("mediaUrl", "Media URL", "'mediaUrl' points at an internal address"),
                problem("callbackURL", "Callback URL", "'callbackURL' points at an internal address"));
    }

    @Test
    void shouldRefuseBodiesOverTheLimitInTheV5Shape() {
        ObjectNode body = fixture("v5/seed/rcs-text.json");
        body.put("messageText", "x".repeat(300 * 1024));
        long added = messagesAdded(OUTBOUND);
        long stored = storedMessages();

        JsonNode error = refused(413, send(body), added, stored);

        assertThat(error.path("message").asText()).contains("262144 bytes");
    }

    @Test
    void shouldStoreTheLongestSourceItAccepts() {
        ObjectNode body = fixture("v5/seed/rcs-text.json");
        String longestSource = "\uD83D\uDCE3".repeat(50);
        body.put("source", longestSource);

        HubClient.Response response = send(body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String messageGuid = assertSuccessShape(response.json());
        assertThat(status(messageGuid).path("agent_id").asText()).isEqualTo(longestSource);
    }

    private static JsonNode problem(String field, String description, String message) {
        return Fixtures.MAPPER.valueToTree(Map.of("field", field, "description", description, "message", message));
    }
}
