package io.switchboard.dialect.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.FieldError;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.net.TargetGuard;
import io.switchboard.testing.Fixtures;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class V1ValidatorTest {

    private final V1Validator validator = new V1Validator(new TargetGuard(false));

    @ParameterizedTest
    @ValueSource(strings = {"send-text-with-suggestions", "rich-card-standalone", "rich-card-carousel", "sms"})
    void shouldAcceptEveryFixture(String fixture) {
        V1SendRequest valid = Fixtures.read("v1/" + fixture + ".json", V1SendRequest.class);

        assertThatCode(() -> validator.validate(valid)).doesNotThrowAnyException();
    }

    static List<Arguments> invalidRequests() {
        return List.of(
                invalid("to missing", body -> body.remove("to"), "to", "is required"),
                invalid("to not E.164", body -> body.put("to", "0176 1234"), "to", "must be an E.164"),
                invalid("to with no such country code", body -> body.put("to", "+99912345678"), "to",
                        "must be an E.164"),
                invalid("agent missing", body -> body.remove("agent_id"), "agent_id", "or channel_id"),
                invalid("agent id too long", body -> body.put("agent_id", "\uD83D\uDCE3".repeat(65)), "agent_id",
                        "at most 64 characters"),
                invalid("agent and channel", body -> body.put("channel_id", "ch_1"), "channel_id",
                        "not be given together with agent_id"),
                invalid("text and rich card", body -> content(body).set("rich_card",
                        standalone().path("content").path("rich_card").deepCopy()), "content",
                        "exactly one of text and rich_card"),
                invalid("unknown message type", body -> body.put("message_type", "BROADCAST"), "message_type",
                        "must be one of MESSAGE, CONVERSATION, NEWSLETTER"),
                invalid("traffic type missing", body -> body.remove("traffic_type"), "traffic_type", "is required"),
                invalid("unknown traffic type", body -> body.put("traffic_type", "SPAM"), "traffic_type",
                        "must be one of"),
                invalid("ttl not seconds", body -> body.put("ttl", "1h"), "ttl", "duration in seconds"),
                invalid("content missing", body -> body.remove("content"), "content", "is required"),
                invalid("text missing", body -> content(body).remove("text"), "content.text", "is required"),
                invalid("text too long", body -> content(body).put("text", "x".repeat(3073)), "content.text",
                        "at most 3072 characters"),
                invalid("12 chips", body -> {
                    ArrayNode chips = suggestions(body);
                    while (chips.size() < 12) {
                        chips.add(chips.get(0).deepCopy());
                    }
                }, "content.suggestions", "at most 11 suggestions"),
                invalid("chip text too long", body -> reply(body).put("text", "x".repeat(26)),
                        "content.suggestions[0].reply.text", "at most 25 characters"),
                invalid("postback not base64", body -> reply(body).put("postback_data", "not base64!"),
                        "content.suggestions[0].reply.postback_data", "base64"),
                invalid("postback too long", body -> reply(body).put("postback_data", "QUFB".repeat(513)),
                        "content.suggestions[0].reply.postback_data", "at most 2048"),
                invalid("reply and action", body -> ((ObjectNode) suggestions(body).get(0))
                        .set("action", suggestions(body).get(1).get("action").deepCopy()),
                        "content.suggestions[0]", "exactly one of reply or action"),
                invalid("action without kind", body -> action(body, 1).remove("open_url"),
                        "content.suggestions[1].action", "exactly one of dial"),
                invalid("url not http", body -> ((ObjectNode) action(body, 1).get("open_url")).put("url", "ftp://x"),
                        "content.suggestions[1].action.open_url.url", "http or https"),
                invalid("dial not E.164", body -> ((ObjectNode) action(body, 2).get("dial"))
                        .put("phone_number", "12"), "content.suggestions[2].action.dial.phone_number", "E.164"),
                invalid("latitude out of range", body -> ((ObjectNode) action(body, 3).get("view_location")
                        .get("lat_long")).put("latitude", 91), "content.suggestions[3].action.view_location"
                        + ".lat_long.latitude", "between -90 and 90"),
                invalid("event ends first", body -> ((ObjectNode) action(body, 5).get("create_calendar_event"))
                        .put("end_time", "2030-03-03T14:00:00+01:00"),
                        "content.suggestions[5].action.create_calendar_event.end_time", "after start_time"),
                invalid("event time without offset", body -> ((ObjectNode) action(body, 5)
                        .get("create_calendar_event")).put("start_time", "2030-03-03 15:00"),
                        "content.suggestions[5].action.create_calendar_event.start_time", "ISO-8601"),
                invalid("unknown view mode", body -> ((ObjectNode) action(body, 6).get("open_url_in_webview"))
                        .put("view_mode", "WIDE"), "content.suggestions[6].action.open_url_in_webview.view_mode",
                        "must be one of FULL, HALF, TALL"));
    }

    static List<Arguments> invalidRichCards() {
        return List.of(
                invalidCard("standalone", "neither layout", card -> ((ObjectNode) card).remove("standalone"),
                        "content.rich_card", "exactly one of standalone and carousel"),
                invalidCard("standalone", "empty card", card -> ((ObjectNode) card.path("standalone"))
                        .putObject("content"), "content.rich_card.standalone.content",
                        "a title, a description or media"),
                invalidCard("standalone", "title too long", card -> cardContent(card).put("title", "x".repeat(201)),
                        "content.rich_card.standalone.content.title", "at most 200"),
                invalidCard("standalone", "description too long", card -> cardContent(card)
                        .put("description", "x".repeat(2001)), "content.rich_card.standalone.content.description",
                        "at most 2000"),
                invalidCard("standalone", "media not https", card -> ((ObjectNode) cardContent(card).path("media"))
                        .put("url", "http://cdn.example/a.jpg"), "content.rich_card.standalone.content.media.url",
                        "https"),
                invalidCard("standalone", "media on an internal address", card -> ((ObjectNode) cardContent(card)
                        .path("media")).put("url", "https://169.254.169.254/a.jpg"),
                        "content.rich_card.standalone.content.media.url", "internal"),
                invalidCard("standalone", "unknown height", card -> ((ObjectNode) cardContent(card).path("media"))
                        .put("height", "HUGE"), "content.rich_card.standalone.content.media.height",
                        "SHORT, MEDIUM, TALL"),
                invalidCard("standalone", "five card chips", card -> {
                    ArrayNode chips = (ArrayNode) cardContent(card).path("suggestions");
                    while (chips.size() < 5) {
                        chips.add(chips.get(0).deepCopy());
                    }
                }, "content.rich_card.standalone.content.suggestions", "at most 4"),
                invalidCard("standalone", "unknown orientation", card -> ((ObjectNode) card.path("standalone"))
                        .put("orientation", "DIAGONAL"), "content.rich_card.standalone.orientation",
                        "VERTICAL, HORIZONTAL"),
                invalidCard("carousel", "one card", card -> ((ArrayNode) card.path("carousel").path("cards"))
                        .remove(1), "content.rich_card.carousel.cards", "2 to 10 cards"),
                invalidCard("carousel", "eleven cards", card -> {
                    ArrayNode cards = (ArrayNode) card.path("carousel").path("cards");
                    while (cards.size() < 11) {
                        cards.add(cards.get(1).deepCopy());
                    }
                }, "content.rich_card.carousel.cards", "2 to 10 cards"),
                invalidCard("carousel", "unknown width", card -> ((ObjectNode) card.path("carousel"))
                        .put("card_width", "WIDE"), "content.rich_card.carousel.card_width", "SMALL, MEDIUM"),
                invalidCard("carousel", "card media missing its url", card -> ((ObjectNode) card.path("carousel")
                        .path("cards").get(1).path("media")).remove("url"),
                        "content.rich_card.carousel.cards[1].media.url", "is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRichCards")
    void shouldNameTheFieldAndTheRuleOfRichCards(String name, ObjectNode body, String field, String message) {
        shouldNameTheFieldAndTheRule(name, body, field, message);
    }

    @Test
    void shouldKeepSmsToText() {
        ObjectNode sms = (ObjectNode) Fixtures.tree("v1/sms.json");
        ((ObjectNode) sms.get("content")).put("text", "x".repeat(1601));
        ((ObjectNode) sms.get("content")).putArray("suggestions").add(Fixtures.MAPPER.createObjectNode());

        assertThatThrownBy(() -> validator.validate(Fixtures.MAPPER.convertValue(sms, V1SendRequest.class)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors())
                        .extracting(error -> error.path().bracketed() + " " + error.message())
                        .containsExactly("content.text must be at most 1600 characters for an SMS",
                                "content.suggestions are not possible in an SMS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void shouldNameTheFieldAndTheRule(String name, ObjectNode body, String field, String message) {
        V1SendRequest request = Fixtures.MAPPER.convertValue(body, V1SendRequest.class);

        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    List<FieldError> errors = e.getErrors();
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).path().bracketed()).isEqualTo(field);
                    assertThat(errors.get(0).message()).contains(message);
                });
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        ObjectNode body = fixture();
        body.remove("to");
        body.put("traffic_type", "SPAM");
        content(body).remove("text");

        assertThatThrownBy(() -> validator.validate(Fixtures.MAPPER.convertValue(body, V1SendRequest.class)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors())
                        .extracting(error -> error.path().bracketed())
                        .containsExactly("to", "traffic_type", "content.text"));
    }

    private static Arguments invalid(String name, Consumer<ObjectNode> change, String field, String message) {
        ObjectNode body = fixture();
        change.accept(body);
        return Arguments.of(name, body, field, message);
    }

    private static Arguments invalidCard(String layout, String name, Consumer<JsonNode> change, String field,
            String message) {
        ObjectNode body = (ObjectNode) Fixtures.tree("v1/rich-card-" + layout + ".json");
        change.accept(body.path("content").path("rich_card"));
        return Arguments.of(layout + ": " + name, body, field, message);
    }

    private static ObjectNode standalone() {
        return (ObjectNode) Fixtures.tree("v1/rich-card-standalone.json");
    }

    private static ObjectNode cardContent(JsonNode richCard) {
        return (ObjectNode) richCard.path("standalone").path("content");
    }

    private static ObjectNode fixture() {
        return (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
    }

    private static ObjectNode content(ObjectNode body) {
        return (ObjectNode) body.get("content");
    }

    private static ArrayNode suggestions(ObjectNode body) {
        return (ArrayNode) content(body).get("suggestions");
    }

    private static ObjectNode reply(ObjectNode body) {
        return (ObjectNode) suggestions(body).get(0).get("reply");
    }

    private static ObjectNode action(ObjectNode body, int index) {
        return (ObjectNode) suggestions(body).get(index).get("action");
    }
}
