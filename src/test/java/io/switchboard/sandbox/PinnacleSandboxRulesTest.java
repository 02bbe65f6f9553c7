package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.FieldError;
import io.switchboard.dialect.pinnacle.PinnacleWire;
import io.switchboard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Pinnacle sandbox carrier's own rules: Pinnacle's examples and the hub's Pinnacle requests pass, each rule
 * refuses its case.
 */
class PinnacleSandboxRulesTest {

    /** What {@code <n items>} repeats: a button. */
    private static final JsonNode BUTTON = Fixtures.MAPPER.createObjectNode().put("type", "trigger")
            .put("title", "Yes").put("payload", "YES");

    private static List<String> problems(String endpoint, JsonNode request) {
        List<FieldError> problems = switch (endpoint) {
            case "sms" -> PinnacleSandboxRules.sms(Fixtures.MAPPER.convertValue(request, PinnacleWire.SmsSend.class));
            case "mms" -> PinnacleSandboxRules.mms(Fixtures.MAPPER.convertValue(request, PinnacleWire.MmsSend.class));
            default -> PinnacleSandboxRules.rcs(Fixtures.MAPPER.convertValue(request, PinnacleWire.RcsSend.class));
        };
        return RequestEdit.described(problems);
    }

    @ParameterizedTest
    @CsvSource({"sms, send-sms", "mms, send-mms", "rcs, send-rcs-text", "rcs, send-rcs-media", "rcs, send-rcs-cards",
        "rcs, send-rcs-standalone-card", "rcs, send-rcs-every-button"})
    void shouldTakePinnaclesOwnExamples(String endpoint, String fixture) {
        assertThat(problems(endpoint, Fixtures.tree("pinnacle/" + fixture + ".json"))).isEmpty();
    }

    /** The carrier sends RCS from its agent and SMS or MMS from its number when the message's sender is not one. */
    @ParameterizedTest
    @CsvSource({"sms, sms, +14155550100", "mms, mms-images, +14155550100", "mms, mms-files, +14155550100",
        "rcs, send-text-with-suggestions, agent_switchboard_sandbox", "rcs, rich-card-standalone, agent_acme",
        "rcs, rich-card-carousel, agent_acme", "rcs, v5-every-choice-type, agent_acme", "rcs, v5-rcs-card, agent_acme",
        "rcs, v5-rcs-carousel, agent_acme", "rcs, v5-rcs-media, agent_acme", "rcs, v5-rcs-text, agent_acme"})
    void shouldTakeTheRequestsTheHubWrites(String endpoint, String golden, String sender) {
        ObjectNode request = (ObjectNode) Fixtures.golden("pinnacle/" + golden + ".json");
        request.put("from", sender);

        assertThat(problems(endpoint, request)).isEmpty();
    }

    @ParameterizedTest(name = "{1} {2} = {3}")
    @CsvSource(delimiter = '|', value = {
        "sms | send-sms | /from | '\"+0155\"' | from: must be an E.164 phone number such as +14155550100",
        "sms | send-sms | /to | REMOVE | to: is required",
        "sms | send-sms | /text | REMOVE | text: is required",
        "sms | send-sms | /options/tracking | '\"VISIBLE\"' | options.tracking: must be one of ID, HIDDEN",
        "sms | send-sms | /options/schedule/sendAt | REMOVE | options.schedule.sendAt: is required",
        "sms | send-sms | /options/schedule/sendAt | '\"next monday\"' | options.schedule.sendAt: must be an ISO 8601"
            + " date-time such as 2026-01-01T10:00:00",
        "sms | send-sms | /options/schedule/timezone | '\"Mars/Olympus\"' | options.schedule.timezone: must be an"
            + " IANA time zone such as America/New_York",
        "mms | send-mms | /text | REMOVE | text: is required",
        "mms | send-mms | /mediaUrls | [] | mediaUrls: must have at least 1 media URL",
        "mms | send-mms | /mediaUrls/0 | '\"a.jpg\"' | mediaUrls[0]: must be an http or https URL",
        "mms | send-mms | /options/multiple_messages | REMOVE | options.multiple_messages: is required",
        "mms | send-mms | /options/validate | REMOVE | options.validate: is required",
        "rcs | send-rcs-text | /from | '\"acme\"' | from: must be an RCS agent id starting with agent_",
        "rcs | send-rcs-text | /media | '\"https://example.com/v.mp4\"' | body: must have exactly one of text, media"
            + " or cards",
        "rcs | send-rcs-media | /media | '\"example.com/v.mp4\"' | media: must be an http or https URL",
        "rcs | send-rcs-every-button | /cards | [] | cards: must have 1 to 10 cards",
        "rcs | send-rcs-every-button | /cards/0/title | REMOVE | cards[0].title: is required",
        "rcs | send-rcs-every-button | /cards/0/buttons | <5 items> | cards[0].buttons: must have at most 4 buttons",
        "rcs | send-rcs-every-button | /cards/0/buttons/3/title | REMOVE | cards[0].buttons[3].title: is required",
        "rcs | send-rcs-every-button | /cards/0/buttons/0/type | '\"link\"' | cards[0].buttons[0].type: must be one"
            + " of openUrl, call, trigger, requestUserLocation, scheduleEvent, sendLocation",
        "rcs | send-rcs-every-button | /cards/0/buttons/0/payload | '\"shop.example\"' | cards[0].buttons[0].payload:"
            + " must be an http or https URL",
        "rcs | send-rcs-every-button | /cards/0/buttons/1/payload | '\"555-0100\"' | cards[0].buttons[1].payload:"
            + " must be an E.164 phone number such as +14155550100",
        "rcs | send-rcs-every-button | /quickReplies/0/payload | REMOVE | quickReplies[0].payload: is required",
        "rcs | send-rcs-every-button | /quickReplies/1/webviewMode | '\"WIDE\"' | quickReplies[1].webviewMode: must be"
            + " one of HALF, TALL, FULL",
        "rcs | send-rcs-every-button | /quickReplies | <11 items> | quickReplies: must have at most 10 quick replies",
        "rcs | send-rcs-every-button | /cards/1/buttons/0/eventTitle | REMOVE | cards[1].buttons[0].eventTitle: is"
            + " required",
        "rcs | send-rcs-every-button | /cards/1/buttons/0/eventStartTime | '\"6pm\"'"
            + " | cards[1].buttons[0].eventStartTime: must be an ISO 8601 date-time such as 2030-03-03T15:00:00Z",
        "rcs | send-rcs-every-button | /cards/1/buttons/1/latLong/lng | REMOVE | cards[1].buttons[1].latLong.lng: is"
            + " required",
        "rcs | send-rcs-every-button | /fallback/from | '\"SHOP\"' | fallback.from: must be an E.164 phone number"
            + " such as +14155550100",
        "rcs | send-rcs-every-button | /fallback | '{\"from\": \"+14155164736\"}' | fallback: must have text,"
            + " mediaUrls or both",
        "rcs | send-rcs-every-button | /options/schedule/endDate | REMOVE | options.schedule.endDate: is required"
            + " when recurrence is set",
        "rcs | send-rcs-every-button | /options/standalone_card | '{\"orientation\": \"VERTICAL\"}'"
            + " | options.standalone_card: applies only to a message with exactly one card",
        "rcs | send-rcs-standalone-card | /options/standalone_card/image_alignment | '\"CENTER\"'"
            + " | options.standalone_card.image_alignment: must be one of LEFT, RIGHT"})
    void shouldRefuseWhatPinnacleRefuses(String endpoint, String fixture, String pointer, String value,
            String problem) {
        JsonNode request = RequestEdit.apply(Fixtures.tree("pinnacle/" + fixture + ".json"), pointer, value, BUTTON);

        assertThat(problems(endpoint, request)).containsExactly(problem);
    }
}
