package io.switchboard.sandbox;

import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.dialect.pinnacle.PinnacleWire;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * What the Pinnacle sandbox carrier refuses in {@code POST /messages/send/{sms,mms,rcs}}: the rules Pinnacle's SDK
 * types and documentation give (FORMATS.md §1.3 to §1.5) and no others. The hub's own Pinnacle rules may ask more
 * (segment, text and title limits, file types, how far ahead a schedule is); where Pinnacle publishes nothing, nothing
 * is checked.
 */
final class PinnacleSandboxRules {

    static final int MAX_QUICK_REPLIES = 10;
    static final int MAX_CARDS = 10;
    static final int MAX_BUTTONS = 4;
    static final List<String> BUTTON_TYPES =
            List.of("openUrl", "call", "trigger", "requestUserLocation", "scheduleEvent", "sendLocation");
    static final List<String> TRACKING = List.of("ID", "HIDDEN");
    static final List<String> WEBVIEW_MODES = List.of("HALF", "TALL", "FULL");
    static final List<String> ORIENTATIONS = List.of("HORIZONTAL", "VERTICAL");
    static final List<String> IMAGE_ALIGNMENTS = List.of("LEFT", "RIGHT");

    private static final String AGENT_PREFIX = "agent_";
    private static final String EXAMPLE_NUMBER = "+14155550100";
    private static final String EXAMPLE_TIME = "2030-03-03T15:00:00Z";

    private PinnacleSandboxRules() {
    }

    /** {@code /messages/send/sms}: every problem Pinnacle would name, with its field; empty when it takes it. */
    static List<FieldError> sms(PinnacleWire.SmsSend request) {
        CarrierRules rules = new CarrierRules();
        rules.phoneNumber(request.from(), FieldPath.of("from"), EXAMPLE_NUMBER);
        rules.phoneNumber(request.to(), FieldPath.of("to"), EXAMPLE_NUMBER);
        rules.required(request.text(), FieldPath.of("text"));
        options(request.options(), rules);
        return rules.problems();
    }

    /** {@code /messages/send/mms}: {@code text} and {@code mediaUrls} are both required on a send. */
    static List<FieldError> mms(PinnacleWire.MmsSend request) {
        CarrierRules rules = new CarrierRules();
        rules.phoneNumber(request.from(), FieldPath.of("from"), EXAMPLE_NUMBER);
        rules.phoneNumber(request.to(), FieldPath.of("to"), EXAMPLE_NUMBER);
        rules.required(request.text(), FieldPath.of("text"));
        FieldPath files = FieldPath.of("mediaUrls");
        if (request.mediaUrls() == null || request.mediaUrls().isEmpty()) {
            rules.refuse(files, "must have at least 1 media URL");
        } else {
            urls(request.mediaUrls(), files, rules);
        }
        PinnacleWire.MmsOptions options = request.options();
        if (options != null) {
            // the SDK's SendMmsOptions: both flags are required whenever options are given
            rules.required(options.multipleMessages(), FieldPath.of("options").field("multiple_messages"));
            rules.required(options.validate(), FieldPath.of("options").field("validate"));
        }
        options(options, rules);
        return rules.problems();
    }

    /** {@code /messages/send/rcs}: exactly one of text, media and cards, from an RCS agent. */
    static List<FieldError> rcs(PinnacleWire.RcsSend request) {
        CarrierRules rules = new CarrierRules();
        FieldPath from = FieldPath.of("from");
        if (rules.required(request.from(), from)
                && (!request.from().startsWith(AGENT_PREFIX) || request.from().length() == AGENT_PREFIX.length())) {
            rules.refuse(from, "must be an RCS agent id starting with " + AGENT_PREFIX);
        }
        rules.phoneNumber(request.to(), FieldPath.of("to"), EXAMPLE_NUMBER);
        int shapes = (request.text() != null ? 1 : 0) + (request.media() != null ? 1 : 0)
                + (request.cards() != null ? 1 : 0);
        if (shapes != 1) {
            rules.refuse(FieldPath.root(), "must have exactly one of text, media or cards");
        }
        if (request.media() != null) {
            rules.url(request.media(), true, FieldPath.of("media"));
        }
        if (request.cards() != null) {
            cards(request.cards(), rules);
        }
        buttons(request.quickReplies(), MAX_QUICK_REPLIES, "quick replies", FieldPath.of("quickReplies"), rules);
        if (request.fallback() != null) {
            fallback(request.fallback(), FieldPath.of("fallback"), rules);
        }
        options(request.options(), rules);
        if (request.options() != null && request.options().standaloneCard() != null) {
            standaloneCard(request.options().standaloneCard(), request.cards(), rules);
        }
        return rules.problems();
    }

    private static void cards(List<PinnacleWire.Card> cards, CarrierRules rules) {
        FieldPath path = FieldPath.of("cards");
        if (cards.isEmpty() || cards.size() > MAX_CARDS) {
            rules.refuse(path, "must have 1 to " + MAX_CARDS + " cards");
        }
        for (int i = 0; i < cards.size(); i++) {
            PinnacleWire.Card card = cards.get(i);
            FieldPath cardPath = path.index(i);
            if (rules.required(card, cardPath)) {
                rules.required(card.title(), cardPath.field("title"));
                if (card.media() != null) {
                    rules.url(card.media(), true, cardPath.field("media"));
                }
                buttons(card.buttons(), MAX_BUTTONS, "buttons", cardPath.field("buttons"), rules);
            }
        }
    }

    private static void buttons(List<PinnacleWire.Button> buttons, int max, String items, FieldPath path,
            CarrierRules rules) {
        if (buttons == null) {
            return;
        }
        rules.atMostItems(buttons, max, items, path);
        for (int i = 0; i < buttons.size(); i++) {
            if (rules.required(buttons.get(i), path.index(i))) {
                button(buttons.get(i), path.index(i), rules);
            }
        }
    }

    /** {@code RichButton}: a title, and the fields its {@code type} names. */
    private static void button(PinnacleWire.Button button, FieldPath path, CarrierRules rules) {
        rules.required(button.title(), path.field("title"));
        FieldPath type = path.field("type");
        if (!rules.required(button.type(), type)) {
            return;
        }
        rules.oneOf(button.type(), BUTTON_TYPES, type);
        FieldPath payload = path.field("payload");
        switch (button.type()) {
            case "openUrl" -> {
                rules.url(button.payload(), true, payload);
                rules.oneOf(button.webviewMode(), WEBVIEW_MODES, path.field("webviewMode"));
            }
            case "call" -> rules.phoneNumber(button.payload(), payload, EXAMPLE_NUMBER);
            case "trigger" -> rules.required(button.payload(), payload);
            case "scheduleEvent" -> {
                rules.required(button.eventTitle(), path.field("eventTitle"));
                rules.dateTime(button.eventStartTime(), path.field("eventStartTime"), EXAMPLE_TIME);
                rules.dateTime(button.eventEndTime(), path.field("eventEndTime"), EXAMPLE_TIME);
            }
            case "sendLocation" -> {
                FieldPath latLong = path.field("latLong");
                if (rules.required(button.latLong(), latLong)) {
                    rules.required(button.latLong().lat(), latLong.field("lat"));
                    rules.required(button.latLong().lng(), latLong.field("lng"));
                }
            }
            default -> {
                // requestUserLocation takes its title only; an unknown type was refused above
            }
        }
    }

    private static void fallback(PinnacleWire.Fallback fallback, FieldPath path, CarrierRules rules) {
        rules.phoneNumber(fallback.from(), path.field("from"), EXAMPLE_NUMBER);
        boolean text = fallback.text() != null && !fallback.text().isBlank();
        boolean media = fallback.mediaUrls() != null && !fallback.mediaUrls().isEmpty();
        if (!text && !media) {
            rules.refuse(path, "must have text, mediaUrls or both");
        }
        if (media) {
            urls(fallback.mediaUrls(), path.field("mediaUrls"), rules);
        }
    }

    private static void urls(List<String> urls, FieldPath path, CarrierRules rules) {
        for (int i = 0; i < urls.size(); i++) {
            rules.url(urls.get(i), true, path.index(i));
        }
    }

    /** What every send's options may hold: {@code tracking} and a {@code schedule}. */
    private static void options(PinnacleWire.SendOptions options, CarrierRules rules) {
        if (options == null) {
            return;
        }
        FieldPath path = FieldPath.of("options");
        rules.oneOf(options.tracking(), TRACKING, path.field("tracking"));
        PinnacleWire.Schedule schedule = options.schedule();
        // "schedule": {} schedules nothing, as in Pinnacle's own MMS example
        if (schedule == null || schedule.isEmpty()) {
            return;
        }
        FieldPath schedulePath = path.field("schedule");
        rules.dateTime(schedule.sendAt(), schedulePath.field("sendAt"), "2026-01-01T10:00:00");
        if (schedule.timezone() != null && !isZone(schedule.timezone())) {
            rules.refuse(schedulePath.field("timezone"), "must be an IANA time zone such as America/New_York");
        }
        if (schedule.recurrence() != null && (schedule.endDate() == null || schedule.endDate().isBlank())) {
            rules.refuse(schedulePath.field("endDate"), "is required when recurrence is set");
        }
    }

    /** {@code options.standalone_card}: for a message of exactly one card. */
    private static void standaloneCard(PinnacleWire.StandaloneCard standalone, List<PinnacleWire.Card> cards,
            CarrierRules rules) {
        FieldPath path = FieldPath.of("options").field("standalone_card");
        if (cards == null || cards.size() != 1) {
            rules.refuse(path, "applies only to a message with exactly one card");
        }
        rules.oneOf(standalone.orientation(), ORIENTATIONS, path.field("orientation"));
        rules.oneOf(standalone.imageAlignment(), IMAGE_ALIGNMENTS, path.field("image_alignment"));
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
