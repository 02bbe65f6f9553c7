package io.switchboard.dialect.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class V5ValidatorTest {

    private static final String TEXT = "v5/seed/rcs-text.json";
    private static final String MEDIA = "v5/seed/rcs-media.json";
    private static final String CARD = "v5/seed/rcs-card.json";
    private static final String CAROUSEL = "v5/seed/rcs-carousel.json";
    /** Choices 0 to 5: REPLY, OPEN_URL, DIAL_PHONE, SHOW_LOCATION, REQUEST_LOCATION, CREATE_CALENDAR_EVENT. */
    private static final String CHOICES = "v5/every-choice-type.json";

    /** As in production: loopback targets refused. */
    private final V5Validator validator = new V5Validator(new TargetGuard(false));

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.switchboard.dialect.v5.V5Fixtures#accepted")
    void shouldAcceptEverySeedExample(String fixture) {
        V5Message request = Fixtures.read(fixture, V5Message.class);

        assertThatCode(() -> validator.validate(request)).doesNotThrowAnyException();
    }

    static List<Arguments> invalidRequests() {
        return List.of(
                invalid("messageType missing", TEXT, body -> body.remove("messageType"),
                        "messageType", "'messageType' is required"),
                invalid("messageType unknown", TEXT, body -> body.put("messageType", "SMS"),
                        "messageType", "'messageType' must be one of RCS_TEXT, RCS_MEDIA, RCS_CARD, RCS_CAROUSEL"),
                invalid("source missing", TEXT, body -> body.remove("source"), "source", "'source' is required"),
                invalid("source too long", TEXT, body -> body.put("source", "\uD83D\uDCE3".repeat(51)),
                        "source", "'source' must be at most 50 characters"),
                invalid("destination missing", TEXT, body -> body.remove("destination"),
                        "destination", "'destination' is required"),
                invalid("destination not digits", TEXT, body -> body.put("destination", "555-CALL-NOW"),
                        "destination", "'destination' must be a phone number of 7 to 15 digits, optionally after a"
                                + " +, such as 15559876543"),
                invalid("destination too short", TEXT, body -> body.put("destination", "+12345"),
                        "destination", "'destination' must be a phone number of 7 to 15 digits, optionally after a"
                                + " +, such as 15559876543"),
                invalid("destination with no such country code", TEXT, body -> body.put("destination", "99912345678"),
                        "destination", "'destination' must be a phone number of 7 to 15 digits, optionally after a"
                                + " +, such as 15559876543"),
                invalid("messageText missing", TEXT, body -> body.remove("messageText"),
                        "messageText", "'messageText' is required"),
                invalid("messageText blank", TEXT, body -> body.put("messageText", "  "),
                        "messageText", "'messageText' is required"),
                invalid("media mediaUrl missing", MEDIA, body -> body.remove("mediaUrl"),
                        "mediaUrl", "'mediaUrl' is required"),
                invalid("media thumbnailUrl missing", MEDIA, body -> body.remove("thumbnailUrl"),
                        "thumbnailUrl", "'thumbnailUrl' is required"),
                invalid("media filenameOverride missing", MEDIA, body -> body.remove("filenameOverride"),
                        "filenameOverride", "'filenameOverride' is required"),
                invalid("media mediaUrl not a URL", MEDIA, body -> body.put("mediaUrl", "media.jpg"),
                        "mediaUrl", "'mediaUrl' must be a valid http or https URL"),
                invalid("media mediaUrl internal", MEDIA,
                        body -> body.put("mediaUrl", "http://169.254.169.254/latest/meta-data"),
                        "mediaUrl", "'mediaUrl' points at an internal address"),
                invalid("media thumbnailUrl on loopback", MEDIA,
                        body -> body.put("thumbnailUrl", "http://127.0.0.1:8080/thumb.jpg"),
                        "thumbnailUrl", "'thumbnailUrl' points at a loopback address"),
                invalid("card title missing", CARD, body -> body.remove("title"), "title", "'title' is required"),
                invalid("card title too long", CARD, body -> body.put("title", "T".repeat(101)),
                        "title", "'title' must be at most 100 characters"),
                invalid("card description missing", CARD, body -> body.remove("description"),
                        "description", "'description' is required"),
                invalid("card description too long", CARD, body -> body.put("description", "D".repeat(501)),
                        "description", "'description' must be at most 500 characters"),
                invalid("card height missing", CARD, body -> body.remove("height"), "height", "'height' is required"),
                invalid("card height unknown", CARD, body -> body.put("height", "HUGE"),
                        "height", "'height' must be one of SHORT, MEDIUM, TALL"),
                invalid("card mediaUrl missing", CARD, body -> body.remove("mediaUrl"),
                        "mediaUrl", "'mediaUrl' is required"),
                invalid("card thumbnailUrl not a URL", CARD, body -> body.put("thumbnailUrl", "thumbnail.jpg"),
                        "thumbnailUrl", "'thumbnailUrl' must be a valid http or https URL"),
                invalid("card filenameOverride too long", CARD, body -> body.put("filenameOverride", "f".repeat(101)),
                        "filenameOverride", "'filenameOverride' must be at most 100 characters"),
                invalid("card with 5 choices", CARD, body -> repeatFirst(choices(body), 5),
                        "choices", "'choices' must have at most 4 items"),
                invalid("carousel cards missing", CAROUSEL, body -> body.remove("cards"),
                        "cards", "'cards' is required"),
                invalid("carousel cards empty", CAROUSEL, body -> body.putArray("cards"),
                        "cards", "'cards' must have at least 1 item"),
                invalid("carousel with 11 cards", CAROUSEL, body -> repeatFirst((ArrayNode) body.get("cards"), 11),
                        "cards", "'cards' must have at most 10 items"),
                invalid("carousel card null", CAROUSEL, body -> ((ArrayNode) body.get("cards")).insertNull(0),
                        "cards.0", "'cards.0' must be an object"),
                invalid("carousel card title too long", CAROUSEL, body -> card(body, 1).put("title", "T".repeat(101)),
                        "cards.1.title", "'title' must be at most 100 characters"),
                invalid("carousel card description missing", CAROUSEL, body -> card(body, 0).remove("description"),
                        "cards.0.description", "'description' is required"),
                invalid("carousel card height unknown", CAROUSEL, body -> card(body, 1).put("height", "tall"),
                        "cards.1.height", "'height' must be one of SHORT, MEDIUM, TALL"),
                invalid("carousel card mediaUrl not a URL", CAROUSEL, body -> card(body, 0).put("mediaUrl", "x"),
                        "cards.0.mediaUrl", "'mediaUrl' must be a valid http or https URL"),
                invalid("carousel card filenameOverride too long", CAROUSEL,
                        body -> card(body, 0).put("filenameOverride", "f".repeat(101)),
                        "cards.0.filenameOverride", "'filenameOverride' must be at most 100 characters"),
                invalid("carousel card with 5 choices", CAROUSEL, body -> repeatFirst(choices(card(body, 1)), 5),
                        "cards.1.choices", "'choices' must have at most 4 items"),
                invalid("carousel with 5 message choices", "v5/carousel-with-message-choices.json",
                        body -> repeatFirst(choices(body), 5), "choices", "'choices' must have at most 4 items"),
                invalid("choice null", TEXT, body -> choices(body).insertNull(1),
                        "choices.1", "'choices.1' must be an object"),
                invalid("choice type missing", CHOICES, body -> choice(body, 0).remove("type"),
                        "choices.0.type", "'type' is required"),
                invalid("choice type unknown", CHOICES, body -> choice(body, 0).put("type", "OPEN_APP"),
                        "choices.0.type", "'type' must be one of REPLY, OPEN_URL, DIAL_PHONE, SHOW_LOCATION,"
                                + " REQUEST_LOCATION, CREATE_CALENDAR_EVENT"),
                invalid("choice title missing", CHOICES, body -> choice(body, 4).remove("title"),
                        "choices.4.title", "'title' is required"),
                invalid("choice title too long", CHOICES, body -> choice(body, 0).put("title", "x".repeat(26)),
                        "choices.0.title", "'title' must be at most 25 characters"),
                invalid("choice postbackData missing", CHOICES, body -> choice(body, 4).remove("postbackData"),
                        "choices.4.postbackData", "'postbackData' is required"),
                invalid("choice postbackData too long", CHOICES,
                        body -> choice(body, 0).put("postbackData", "p".repeat(2049)),
                        "choices.0.postbackData", "'postbackData' must be at most 2048 characters"),
                invalid("open url: url missing", CHOICES, body -> choice(body, 1).remove("url"),
                        "choices.1.url", "When choice type is OPEN_URL, 'url' is required"),
                invalid("open url: url too long", CHOICES,
                        body -> choice(body, 1).put("url", "https://example.com/" + "u".repeat(2029)),
                        "choices.1.url", "'url' must be at most 2048 characters"),
                invalid("open url: url not a URI", CHOICES, body -> choice(body, 1).put("url", "example.com/info"),
                        "choices.1.url", "'url' must be a valid URI"),
                invalid("open url: application missing", CHOICES, body -> choice(body, 1).remove("application"),
                        "choices.1.application", "When choice type is OPEN_URL, 'application' is required"),
                invalid("open url: application unknown", CHOICES, body -> choice(body, 1).put("application", "APP"),
                        "choices.1.application", "'application' must be one of BROWSER, WEBVIEW"),
                invalid("open url: webviewViewMode missing", CHOICES,
                        body -> choice(body, 1).remove("webviewViewMode"), "choices.1.webviewViewMode",
                        "When choice type is OPEN_URL, 'webviewViewMode' is required"),
                invalid("open url: webviewViewMode unknown", CHOICES,
                        body -> choice(body, 1).put("webviewViewMode", "WIDE"),
                        "choices.1.webviewViewMode", "'webviewViewMode' must be one of FULL, HALF, TALL"),
                invalid("dial: phoneNumber missing", CHOICES, body -> choice(body, 2).remove("phoneNumber"),
                        "choices.2.phoneNumber", "When choice type is DIAL_PHONE, 'phoneNumber' is required"),
                invalid("dial: phoneNumber too long", CHOICES,
                        body -> choice(body, 2).put("phoneNumber", "1".repeat(21)),
                        "choices.2.phoneNumber", "'phoneNumber' must be at most 20 characters"),
                invalid("dial: phoneNumber not digits", CHOICES,
                        body -> choice(body, 2).put("phoneNumber", "(555) 123-4567"),
                        "choices.2.phoneNumber", "'phoneNumber' must contain only digits, optionally after a +"),
                invalid("location: latitude missing", CHOICES, body -> choice(body, 3).remove("latitude"),
                        "choices.3.latitude", "When choice type is SHOW_LOCATION, 'latitude' is required"),
                invalid("location: latitude out of range", CHOICES, body -> choice(body, 3).put("latitude", 90.5),
                        "choices.3.latitude", "'latitude' must be a number between -90 and 90"),
                invalid("location: longitude missing", CHOICES, body -> choice(body, 3).remove("longitude"),
                        "choices.3.longitude", "When choice type is SHOW_LOCATION, 'longitude' is required"),
                invalid("location: longitude out of range", CHOICES, body -> choice(body, 3).put("longitude", -181),
                        "choices.3.longitude", "'longitude' must be a number between -180 and 180"),
                invalid("event: startTime missing", CHOICES, body -> choice(body, 5).remove("startTime"),
                        "choices.5.startTime", "When choice type is CREATE_CALENDAR_EVENT, 'startTime' is required"),
                invalid("event: startTime not ISO 8601", CHOICES,
                        body -> choice(body, 5).put("startTime", "2030-03-03 15:00"), "choices.5.startTime",
                        "'startTime' must be an ISO 8601 date-time with an offset or Z, such as"
                                + " 2030-03-03T15:00:00.000+01:00"),
                invalid("event: endTime missing", CHOICES, body -> choice(body, 5).remove("endTime"),
                        "choices.5.endTime", "When choice type is CREATE_CALENDAR_EVENT, 'endTime' is required"),
                invalid("event: endTime without offset", CHOICES,
                        body -> choice(body, 5).put("endTime", "2030-03-03T16:00:00"), "choices.5.endTime",
                        "'endTime' must be an ISO 8601 date-time with an offset or Z, such as"
                                + " 2030-03-03T15:00:00.000+01:00"),
                invalid("event: eventTitle missing", CHOICES, body -> choice(body, 5).remove("eventTitle"),
                        "choices.5.eventTitle", "When choice type is CREATE_CALENDAR_EVENT, 'eventTitle' is required"),
                invalid("event: eventTitle too long", CHOICES,
                        body -> choice(body, 5).put("eventTitle", "e".repeat(101)),
                        "choices.5.eventTitle", "'eventTitle' must be at most 100 characters"),
                invalid("event: description too long", CHOICES,
                        body -> choice(body, 5).put("description", "d".repeat(501)),
                        "choices.5.description", "'description' must be at most 500 characters"),
                invalid("sms failover: enabled missing", TEXT, body -> failover(body, "smsFailover").remove("enabled"),
                        "smsFailover.enabled", "'enabled' is required"),
                invalid("sms failover: failoverSource missing", TEXT,
                        body -> failover(body, "smsFailover").remove("failoverSource"), "smsFailover.failoverSource",
                        "When smsFailover is enabled, 'failoverSource' is required"),
                invalid("sms failover: failoverSource too long", TEXT,
                        body -> failover(body, "smsFailover").put("failoverSource", "1".repeat(51)),
                        "smsFailover.failoverSource", "'failoverSource' must be at most 50 characters"),
                invalid("sms failover: fallbackText missing", TEXT,
                        body -> failover(body, "smsFailover").remove("fallbackText"), "smsFailover.fallbackText",
                        "When smsFailover is enabled, 'fallbackText' is required"),
                invalid("sms failover: fallbackText too long", TEXT,
                        body -> failover(body, "smsFailover").put("fallbackText", "t".repeat(161)),
                        "smsFailover.fallbackText", "'fallbackText' must be at most 160 characters"),
                invalid("mms failover: enabled missing", MEDIA, body -> failover(body, "mmsFailover").remove("enabled"),
                        "mmsFailover.enabled", "'enabled' is required"),
                invalid("mms failover: failoverSource missing", MEDIA,
                        body -> failover(body, "mmsFailover").remove("failoverSource"), "mmsFailover.failoverSource",
                        "When mmsFailover is enabled, 'failoverSource' is required"),
                invalid("mms failover: fallbackText too long", MEDIA,
                        body -> failover(body, "mmsFailover").put("fallbackText", "t".repeat(161)),
                        "mmsFailover.fallbackText", "'fallbackText' must be at most 160 characters"),
                invalid("mms failover: mediaUrl missing", MEDIA,
                        body -> failover(body, "mmsFailover").remove("mediaUrl"), "mmsFailover.mediaUrl",
                        "When mmsFailover is enabled, 'mediaUrl' is required"),
                invalid("mms failover: mediaUrl internal", MEDIA,
                        body -> failover(body, "mmsFailover").put("mediaUrl", "http://10.0.0.7/fallback.jpg"),
                        "mmsFailover.mediaUrl", "'mediaUrl' points at an internal address"),
                invalid("mms failover: subject missing", MEDIA, body -> failover(body, "mmsFailover").remove("subject"),
                        "mmsFailover.subject", "When mmsFailover is enabled, 'subject' is required"),
                invalid("mms failover: subject too long", MEDIA,
                        body -> failover(body, "mmsFailover").put("subject", "s".repeat(101)),
                        "mmsFailover.subject", "'subject' must be at most 100 characters"),
                invalid("callbackURL not http", TEXT, body -> body.put("callbackURL", "ftp://example.com/status"),
                        "callbackURL", "'callbackURL' must be a valid http or https URL"),
                invalid("callbackURL internal", TEXT, body -> body.put("callbackURL", "http://192.168.0.10/status"),
                        "callbackURL", "'callbackURL' points at an internal address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void shouldNameTheFieldAndTheRuleInV5Words(String name, ObjectNode body, String field, String message) {
        V5Message request = Fixtures.MAPPER.convertValue(body, V5Message.class);

        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    List<FieldError> errors = e.getErrors();
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).path().dotted()).isEqualTo(field);
                    assertThat(errors.get(0).message()).isEqualTo(message);
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.switchboard.dialect.v5.V5Fixtures#seedErrors")
    void shouldRefuseTheSeedsErrorExamplesWithExactlyTheSeedsErrors(String example) {
        V5Message request = Fixtures.read(example + ".json", V5Message.class);

        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                        Fixtures.toTree(new V5Responses().refused(e)))
                        .isEqualTo(Fixtures.tree(example + ".response.json")));
    }

    @Test
    void shouldReportEveryProblemAtOnceInTheOrderOfTheMessage() {
        ObjectNode body = fixture(CHOICES);
        body.remove("destination");
        body.remove("messageText");
        choice(body, 1).remove("url");
        choice(body, 3).put("latitude", -91);
        body.put("callbackURL", "not a url");

        assertThatThrownBy(() -> validator.validate(Fixtures.MAPPER.convertValue(body, V5Message.class)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors())
                        .extracting(error -> error.path().dotted())
                        .containsExactly("destination", "messageText", "choices.1.url", "choices.3.latitude",
                                "callbackURL"));
    }

    @Test
    void shouldAllowAnyNumberOfChoicesOnTextAndMedia() {
        ObjectNode text = fixture(TEXT);
        repeatFirst(choices(text), 30);
        ObjectNode media = fixture(MEDIA);
        repeatFirst(choices(media), 30);

        assertThatCode(() -> validator.validate(Fixtures.MAPPER.convertValue(text, V5Message.class)))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(Fixtures.MAPPER.convertValue(media, V5Message.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldNeedNothingButEnabledFromADisabledFailover() {
        ObjectNode body = fixture(MEDIA);
        body.putObject("mmsFailover").put("enabled", false);
        body.putObject("smsFailover").put("enabled", false);

        assertThatCode(() -> validator.validate(Fixtures.MAPPER.convertValue(body, V5Message.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptDestinationsWithTheirPlusAndMediaWhoseHostDoesNotResolveHere() {
        ObjectNode body = fixture(MEDIA);
        body.put("destination", "+15559876543");
        body.put("mediaUrl", "https://media.no-such-host.invalid/a.jpg");

        assertThatCode(() -> validator.validate(Fixtures.MAPPER.convertValue(body, V5Message.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldAllowLoopbackMediaAndCallbacksOnlyWhereLoopbackTargetsAreOn() {
        ObjectNode body = fixture(MEDIA);
        body.put("mediaUrl", "http://127.0.0.1:8080/sandbox/media.jpg");
        body.put("callbackURL", "http://localhost:9000/status");
        V5Message request = Fixtures.MAPPER.convertValue(body, V5Message.class);

        assertThatCode(() -> new V5Validator(new TargetGuard(true)).validate(request)).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors())
                        .extracting(error -> error.path().dotted())
                        .containsExactly("mediaUrl", "callbackURL"));
    }

    @Test
    void shouldIgnoreFieldsOfOtherMessageTypes() {
        ObjectNode body = fixture(TEXT);
        body.put("mediaUrl", "not a url");
        body.put("height", "HUGE");
        body.putArray("cards").addNull();

        assertThatCode(() -> validator.validate(Fixtures.MAPPER.convertValue(body, V5Message.class)))
                .doesNotThrowAnyException();
    }

    private static Arguments invalid(String name, String fixture, Consumer<ObjectNode> change, String field,
            String message) {
        ObjectNode body = fixture(fixture);
        change.accept(body);
        return Arguments.of(name, body, field, message);
    }

    private static ObjectNode fixture(String name) {
        return (ObjectNode) Fixtures.tree(name);
    }

    private static ArrayNode choices(ObjectNode parent) {
        return (ArrayNode) parent.get("choices");
    }

    private static ObjectNode choice(ObjectNode body, int index) {
        return (ObjectNode) choices(body).get(index);
    }

    private static ObjectNode card(ObjectNode body, int index) {
        return (ObjectNode) body.get("cards").get(index);
    }

    private static ObjectNode failover(ObjectNode body, String name) {
        return (ObjectNode) body.get(name);
    }

    private static void repeatFirst(ArrayNode items, int count) {
        while (items.size() < count) {
            items.add(items.get(0).deepCopy());
        }
    }
}
