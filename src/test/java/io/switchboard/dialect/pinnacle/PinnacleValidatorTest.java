package io.switchboard.dialect.pinnacle;

import io.switchboard.net.TargetGuard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.FieldError;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PinnacleValidatorTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final PinnacleValidator validator =
            new PinnacleValidator(Clock.fixed(NOW, ZoneOffset.UTC), new TargetGuard(false));

    @ParameterizedTest
    @ValueSource(strings = {"send-sms.json", "send-mms.json", "send-rcs-text.json", "send-rcs-media.json",
        "send-rcs-cards.json", "send-rcs-every-button.json", "send-rcs-standalone-card.json"})
    void shouldAcceptEveryExample(String fixture) {
        ObjectNode body = fixture(fixture);

        assertThatCode(() -> validate(fixture, body)).doesNotThrowAnyException();
    }

    @Test
    void shouldHaveTheReadmeExampleBeTheCardsExample() throws IOException {
        JsonNode readme = Fixtures.MAPPER.readTree(Files.readAllBytes(Path.of("docs/examples/pinnacle-rcs-card.json")));

        assertThat(readme).isEqualTo(fixture("send-rcs-cards.json"));
    }

    static List<Arguments> invalidSms() {
        String sms = "send-sms.json";
        return List.of(
                invalid(sms, "from missing", body -> body.remove("from"), "from", "is required"),
                invalid(sms, "to not E.164", body -> body.put("to", "415 474 6461"), "to",
                        "must be an E.164 phone number such as +14155550100"),
                invalid(sms, "to with no such country code", body -> body.put("to", "+2591234567"), "to",
                        "must be an E.164 phone number such as +14155550100"),
                invalid(sms, "text missing", body -> body.remove("text"), "text", "is required"),
                invalid(sms, "11 GSM-7 segments", body -> body.put("text", "a".repeat(1531)), "text",
                        "is 11 gsm7 segments long; at most 10 are allowed"),
                invalid(sms, "11 UTF-16 segments", body -> body.put("text", "ж".repeat(671)), "text",
                        "is 11 utf16 segments long; at most 10 are allowed"),
                invalid(sms, "unknown tracking", body -> options(body).put("tracking", "VISIBLE"),
                        "options.tracking", "must be one of ID, HIDDEN"),
                invalid(sms, "send in 4 minutes", body -> schedule(body).put("sendAt",
                        NOW.plus(Duration.ofMinutes(4)).toString()), "options.schedule.sendAt",
                        "must be at least 5 minutes in the future"),
                invalid(sms, "send at no time", body -> schedule(body).put("sendAt", "tomorrow"),
                        "options.schedule.sendAt", "must be an ISO 8601 date-time"),
                invalid(sms, "schedule without sendAt", body -> schedule(body).remove("sendAt"),
                        "options.schedule.sendAt", "is required"),
                invalid(sms, "unknown time zone", body -> schedule(body).put("timezone", "Mars/Olympus"),
                        "options.schedule.timezone", "must be an IANA time zone such as America/New_York"),
                invalid(sms, "recurrence without end", body -> schedule(body).put("recurrence", "cron(0 9 ? * MON *)"),
                        "options.schedule.endDate", "is required when recurrence is set"),
                invalid(sms, "recurrence of five fields", body -> schedule(body).put("recurrence", "cron(0 9 * * MON)")
                        .put("endDate", "2026-02-01T10:00"), "options.schedule.recurrence",
                        "must be an AWS cron expression with six fields"),
                invalid(sms, "recurrence at hour 25", body -> schedule(body)
                        .put("recurrence", "cron(0 25 ? * MON-FRI *)").put("endDate", "2026-02-01T10:00"),
                        "options.schedule.recurrence", "has an invalid hours field '25'"),
                invalid(sms, "end before start", body -> schedule(body).put("recurrence", "cron(0 9 ? * MON *)")
                        .put("endDate", "2025-12-31T10:00"), "options.schedule.endDate", "must be after sendAt"));
    }

    static List<Arguments> invalidMms() {
        String mms = "send-mms.json";
        return List.of(
                invalid(mms, "text missing", body -> body.remove("text"), "text", "is required"),
                invalid(mms, "text too long", body -> body.put("text", "a".repeat(1601)), "text",
                        "must be at most 1600 characters"),
                invalid(mms, "no media", body -> body.putArray("mediaUrls"), "mediaUrls",
                        "must have at least 1 media URL"),
                invalid(mms, "media not a URL", body -> mediaUrls(body).set(0, "a.jpg"), "mediaUrls[0]",
                        "must be an http or https URL"),
                invalid(mms, "media inside the network", body -> mediaUrls(body).set(0, "https://10.0.0.7/a.jpg"),
                        "mediaUrls[0]", "points at an internal address"),
                invalid(mms, "media on loopback", body -> mediaUrls(body).set(0, "https://127.0.0.1/a.jpg"),
                        "mediaUrls[0]", "points at a loopback address"),
                invalid(mms, "media of an unsupported type", body -> mediaUrls(body)
                        .set(0, "https://example.com/setup.exe"), "mediaUrls[0]",
                        "must be a file type MMS supports (jpg, jpeg, png"),
                invalid(mms, "11 files in one MMS", body -> {
                    options(body).put("multiple_messages", false);
                    files(body, 11);
                }, "mediaUrls", "must have at most 10 media URLs in one MMS; set options.multiple_messages"),
                invalid(mms, "101 files in several", body -> files(body, 101), "mediaUrls",
                        "must have at most 100 media URLs"),
                invalid(mms, "sendAt in the past", body -> options(body).set("schedule",
                        Fixtures.MAPPER.createObjectNode().put("sendAt", "2020-01-01T00:00:00Z")),
                        "options.schedule.sendAt", "must be at least 5 minutes in the future"));
    }

    static List<Arguments> invalidRcs() {
        String text = "send-rcs-text.json";
        String cards = "send-rcs-cards.json";
        String every = "send-rcs-every-button.json";
        String standalone = "send-rcs-standalone-card.json";
        return List.of(
                invalid(text, "sender not an agent", body -> body.put("from", "acme"), "from",
                        "must be an RCS agent id starting with agent_"),
                invalid(text, "sender only the prefix", body -> body.put("from", "agent_"), "from",
                        "must be an RCS agent id starting with agent_"),
                invalid(text, "recipient missing", body -> body.remove("to"), "to", "is required"),
                invalid(text, "text and media", body -> body.put("media", "https://example.com/v.mp4"), "",
                        "must have exactly one of text, media or cards"),
                invalid(text, "no content", body -> body.remove("text"), "",
                        "must have exactly one of text, media or cards"),
                invalid(text, "empty text", body -> body.put("text", " "), "text", "must not be empty"),
                invalid(text, "text too long", body -> body.put("text", "a".repeat(3073)), "text",
                        "must be at most 3072 characters"),
                invalid(text, "11 quick replies", body -> {
                    ArrayNode replies = (ArrayNode) body.get("quickReplies");
                    while (replies.size() < 11) {
                        replies.add(replies.get(0).deepCopy());
                    }
                }, "quickReplies", "must have at most 10 quick replies"),
                invalid(text, "quick reply title too long", body -> button(body, "quickReplies", 0)
                        .put("title", "x".repeat(26)), "quickReplies[0].title", "must be at most 25 characters"),
                invalid(text, "trigger without payload", body -> button(body, "quickReplies", 0).remove("payload"),
                        "quickReplies[0].payload", "is required"),
                invalid(text, "unknown button type", body -> button(body, "quickReplies", 0).put("type", "share"),
                        "quickReplies[0].type", "must be one of openUrl, call, trigger, requestUserLocation,"
                                + " scheduleEvent, sendLocation"),
                invalid(text, "button without type", body -> button(body, "quickReplies", 0).remove("type"),
                        "quickReplies[0].type", "is required"),
                invalid("send-rcs-media.json", "media of an unsupported type", body -> body.put("media",
                        "https://example.com/v.avi"), "media", "must be a file type RCS supports (jpg, jpeg, png"),
                invalid("send-rcs-media.json", "media inside the network", body -> body.put("media",
                        "https://192.168.1.20/v.mp4"), "media", "points at an internal address"),
                invalid(cards, "no cards", body -> body.putArray("cards"), "cards", "must have 1 to 10 cards"),
                invalid(cards, "11 cards", body -> {
                    ArrayNode all = (ArrayNode) body.get("cards");
                    while (all.size() < 11) {
                        all.add(all.get(0).deepCopy());
                    }
                }, "cards", "must have 1 to 10 cards"),
                invalid(cards, "card without title", body -> card(body, 0).remove("title"), "cards[0].title",
                        "is required"),
                invalid(cards, "card title too long", body -> card(body, 0).put("title", "x".repeat(201)),
                        "cards[0].title", "must be at most 200 characters"),
                invalid(cards, "card subtitle too long", body -> card(body, 0).put("subtitle", "x".repeat(2001)),
                        "cards[0].subtitle", "must be at most 2000 characters"),
                invalid(cards, "5 buttons", body -> {
                    ArrayNode buttons = (ArrayNode) card(body, 0).get("buttons");
                    while (buttons.size() < 5) {
                        buttons.add(buttons.get(0).deepCopy());
                    }
                }, "cards[0].buttons", "must have at most 4 buttons"),
                invalid(cards, "open URL not http", body -> button(card(body, 0), "buttons", 0)
                        .put("payload", "ftp://shop.example/s"), "cards[0].buttons[0].payload",
                        "must be an http or https URL"),
                invalid(cards, "unknown webview mode", body -> button(card(body, 0), "buttons", 0)
                        .put("webviewMode", "WIDE"), "cards[0].buttons[0].webviewMode",
                        "must be one of HALF, TALL, FULL"),
                invalid(cards, "call not E.164", body -> button(body, "quickReplies", 0).put("payload", "555-0100"),
                        "quickReplies[0].payload", "must be an E.164 phone number"),
                invalid(cards, "fallback without sender", body -> ((ObjectNode) body.get("fallback")).remove("from"),
                        "fallback.from", "is required"),
                invalid(cards, "empty fallback", body -> ((ObjectNode) body.get("fallback")).remove("text"),
                        "fallback", "must have text, mediaUrls or both"),
                invalid(every, "fallback media inside the network", body -> ((ArrayNode) body.get("fallback")
                        .get("mediaUrls")).set(0, "https://10.1.2.3/sale.png"), "fallback.mediaUrls[0]",
                        "points at an internal address"),
                invalid(every, "event ends before it starts", body -> button(card(body, 1), "buttons", 0)
                        .put("eventEndTime", "2030-03-03T17:00:00-08:00"), "cards[1].buttons[0].eventEndTime",
                        "must be after eventStartTime"),
                invalid(every, "event without start", body -> button(card(body, 1), "buttons", 0)
                        .remove("eventStartTime"), "cards[1].buttons[0].eventStartTime", "is required"),
                invalid(every, "event start not a time", body -> button(card(body, 1), "buttons", 0)
                        .put("eventStartTime", "soon"), "cards[1].buttons[0].eventStartTime",
                        "must be an ISO 8601 date-time"),
                invalid(every, "event without title", body -> button(card(body, 1), "buttons", 0)
                        .remove("eventTitle"), "cards[1].buttons[0].eventTitle", "is required"),
                invalid(every, "latitude out of range", body -> ((ObjectNode) button(card(body, 1), "buttons", 1)
                        .get("latLong")).put("lat", 91), "cards[1].buttons[1].latLong.lat",
                        "must be a number between -90 and 90"),
                invalid(every, "longitude missing", body -> ((ObjectNode) button(card(body, 1), "buttons", 1)
                        .get("latLong")).remove("lng"), "cards[1].buttons[1].latLong.lng",
                        "must be a number between -180 and 180"),
                invalid(every, "location without coordinates", body -> button(card(body, 1), "buttons", 1)
                        .remove("latLong"), "cards[1].buttons[1].latLong", "is required"),
                invalid(every, "standalone layout for a carousel", body -> options(body).putObject("standalone_card")
                        .put("orientation", "VERTICAL"), "options.standalone_card",
                        "applies only to a message with exactly one card"),
                invalid(standalone, "standalone layout with a video", body -> card(body, 0)
                        .put("media", "https://example.com/s.mp4"), "options.standalone_card",
                        "needs the card's media to be an image"),
                invalid(standalone, "unknown orientation", body -> standalone(body).put("orientation", "DIAGONAL"),
                        "options.standalone_card.orientation", "must be one of VERTICAL, HORIZONTAL"),
                invalid(standalone, "no orientation", body -> standalone(body).remove("orientation"),
                        "options.standalone_card.orientation", "is required"),
                invalid(standalone, "unknown alignment", body -> standalone(body).put("image_alignment", "CENTER"),
                        "options.standalone_card.image_alignment", "must be one of LEFT, RIGHT"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource({"invalidSms", "invalidMms", "invalidRcs"})
    void shouldNameTheFieldAndTheRule(String fixture, String name, ObjectNode body, String field, String message) {
        assertThatThrownBy(() -> validate(fixture, body))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    List<FieldError> errors = e.getErrors();
                    assertThat(errors).as(errors.toString()).hasSize(1);
                    assertThat(errors.get(0).path().bracketed()).isEqualTo(field);
                    assertThat(errors.get(0).message()).startsWith(message);
                });
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        ObjectNode body = fixture("send-rcs-cards.json");
        body.put("from", "acme");
        body.remove("to");
        button(body, "quickReplies", 0).put("title", "x".repeat(26));
        button(card(body, 0), "buttons", 0).put("payload", "shop");

        assertThatThrownBy(() -> validate("send-rcs-cards.json", body))
                .hasMessage("The request has 4 invalid fields.")
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors())
                        .extracting(error -> error.path().bracketed())
                        .containsExactly("from", "to", "cards[0].buttons[0].payload", "quickReplies[0].title"));
    }

    @Test
    void shouldTakeAnEmptyScheduleAsNone() {
        ObjectNode body = fixture("send-sms.json");
        options(body).putObject("schedule");

        assertThatCode(() -> validate("send-sms.json", body)).doesNotThrowAnyException();
    }

    @Test
    void shouldLetTheValidateEndpointsListFilesTheSendWouldRefuse() {
        PinnacleWire.MmsContent mms = new PinnacleWire.MmsContent(
                List.of("https://10.0.0.7/a.jpg", "https://example.com/setup.exe"), null);
        PinnacleWire.RcsSend rcs = new PinnacleWire.RcsSend(null, null, null, "https://127.0.0.1/v.avi", null, null,
                null, null);

        assertThatCode(() -> validator.mmsContent(mms)).doesNotThrowAnyException();
        assertThatCode(() -> validator.rcsContent(rcs)).doesNotThrowAnyException();
    }

    @Test
    void shouldStillRefuseWhatIsNotContentOnTheValidateEndpoints() {
        assertThatThrownBy(() -> validator.smsContent(new PinnacleWire.SmsContent("")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors())
                        .extracting(error -> error.path().bracketed()).containsExactly("text"));
        assertThatThrownBy(() -> validator.mmsContent(new PinnacleWire.MmsContent(List.of("a.jpg"), "x")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors())
                        .extracting(error -> error.path().bracketed()).containsExactly("mediaUrls[0]"));
        assertThatThrownBy(() -> validator.mmsContent(new PinnacleWire.MmsContent(null, "x")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors())
                        .extracting(error -> error.path().bracketed()).containsExactly("mediaUrls"));
        assertThatThrownBy(() -> validator.rcsContent(Fixtures.MAPPER.convertValue(
                fixture("validate-rcs-text.json").put("media", "https://example.com/v.mp4"),
                PinnacleWire.RcsSend.class)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors())
                        .extracting(FieldError::message)
                        .containsExactly("must have exactly one of text, media or cards"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate-rcs-text.json", "validate-rcs-media.json", "validate-rcs-cards.json"})
    void shouldAcceptRcsContentWithoutSenderOrRecipient(String fixture) {
        PinnacleWire.RcsSend content = Fixtures.read("pinnacle/" + fixture, PinnacleWire.RcsSend.class);

        assertThatCode(() -> validator.rcsContent(content)).doesNotThrowAnyException();
    }

    private void validate(String fixture, ObjectNode body) {
        if (fixture.startsWith("send-sms")) {
            validator.sms(Fixtures.MAPPER.convertValue(body, PinnacleWire.SmsSend.class));
        } else if (fixture.startsWith("send-mms")) {
            validator.mms(Fixtures.MAPPER.convertValue(body, PinnacleWire.MmsSend.class));
        } else {
            validator.rcs(Fixtures.MAPPER.convertValue(body, PinnacleWire.RcsSend.class));
        }
    }

    private static Arguments invalid(String fixture, String name, Consumer<ObjectNode> change, String field,
            String message) {
        ObjectNode body = fixture(fixture);
        change.accept(body);
        return Arguments.of(fixture, name, body, field, message);
    }

    private static ObjectNode fixture(String name) {
        return (ObjectNode) Fixtures.tree("pinnacle/" + name);
    }

    private static ObjectNode options(ObjectNode body) {
        return body.has("options") ? (ObjectNode) body.get("options") : body.putObject("options");
    }

    private static ObjectNode schedule(ObjectNode body) {
        return (ObjectNode) options(body).get("schedule");
    }

    private static ObjectNode standalone(ObjectNode body) {
        return (ObjectNode) options(body).get("standalone_card");
    }

    private static ArrayNode mediaUrls(ObjectNode body) {
        return (ArrayNode) body.get("mediaUrls");
    }

    private static void files(ObjectNode body, int count) {
        ArrayNode files = body.putArray("mediaUrls");
        for (int i = 0; i < count; i++) {
            files.add("https://example.com/" + i + ".jpg");
        }
    }

    private static ObjectNode card(ObjectNode body, int index) {
        return (ObjectNode) body.get("cards").get(index);
    }

    private static ObjectNode button(ObjectNode parent, String list, int index) {
        return (ObjectNode) parent.get(list).get(index);
    }
}
