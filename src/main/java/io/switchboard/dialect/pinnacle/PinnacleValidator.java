package io.switchboard.dialect.pinnacle;

import static io.switchboard.api.Checks.isBlank;
import static io.switchboard.api.Checks.length;

import io.switchboard.api.Checks;
import io.switchboard.api.FieldPath;
import io.switchboard.api.PhoneNumbers;
import io.switchboard.api.Violations;
import io.switchboard.model.CardOrientation;
import io.switchboard.model.ImageAlignment;
import io.switchboard.model.MediaTypes;
import io.switchboard.net.TargetGuard;
import io.switchboard.sms.Segmentation;
import io.switchboard.sms.SmsSegments;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The Pinnacle rules for the send and validate bodies; reports every problem at once. Limits FORMATS.md gives are
 * Pinnacle's; the others (text and title lengths) are the RCS Business Messaging limits, listed in
 * {@code docs/dialects/pinnacle.md}.
 */
@Component("pinnacleValidator")
public class PinnacleValidator {

    static final int SEGMENT_LIMIT = 10;
    static final int MAX_RCS_TEXT = 3072;
    static final int MAX_MMS_TEXT = 1600;
    static final int MAX_QUICK_REPLIES = 10;
    static final int MAX_CARDS = 10;
    static final int MAX_BUTTONS = 4;
    static final int MAX_BUTTON_TITLE = 25;
    static final int MAX_CARD_TITLE = 200;
    static final int MAX_CARD_SUBTITLE = 2000;
    static final int MAX_PAYLOAD = 2048;
    static final int MAX_EVENT_TITLE = 100;
    static final int MAX_EVENT_DESCRIPTION = 500;
    static final int MAX_LOCATION_NAME = 100;
    static final Duration MIN_SCHEDULE_LEAD = Duration.ofMinutes(5);

    static final List<String> BUTTON_TYPES =
            List.of("openUrl", "call", "trigger", "requestUserLocation", "scheduleEvent", "sendLocation");

    enum Tracking { ID, HIDDEN }

    enum WebviewMode { HALF, TALL, FULL }

    /** A refused or unsupported file fails a send; an estimate lists it instead. */
    private enum MediaCheck { FOR_SENDING, FOR_ESTIMATE }

    private static final String AGENT_PREFIX = "agent_";

    private final Clock clock;
    private final TargetGuard targetGuard;

    public PinnacleValidator(Clock clock, TargetGuard targetGuard) {
        this.clock = clock;
        this.targetGuard = targetGuard;
    }

    /** {@code POST /messages/send/sms}. */
    public void sms(PinnacleWire.SmsSend request) {
        Violations violations = new Violations();
        phoneNumber(request.from(), FieldPath.of("from"), violations);
        phoneNumber(request.to(), FieldPath.of("to"), violations);
        smsText(request.text(), FieldPath.of("text"), violations);
        sendOptions(request.options(), violations);
        violations.throwIfAny();
    }

    /** {@code POST /messages/send/mms}. */
    public void mms(PinnacleWire.MmsSend request) {
        Violations violations = new Violations();
        phoneNumber(request.from(), FieldPath.of("from"), violations);
        phoneNumber(request.to(), FieldPath.of("to"), violations);
        if (isBlank(request.text())) {
            violations.add(FieldPath.of("text"), "is required");
        } else {
            mmsText(request.text(), FieldPath.of("text"), violations);
        }
        boolean multipleMessages = request.options() != null
                && Boolean.TRUE.equals(request.options().multipleMessages());
        mmsMediaUrls(request.mediaUrls(), multipleMessages, violations);
        sendOptions(request.options(), violations);
        violations.throwIfAny();
    }

    /** {@code POST /messages/send/rcs}. */
    public void rcs(PinnacleWire.RcsSend request) {
        Violations violations = new Violations();
        if (isBlank(request.from())) {
            violations.add(FieldPath.of("from"), "is required");
        } else if (!request.from().startsWith(AGENT_PREFIX) || request.from().length() == AGENT_PREFIX.length()) {
            violations.add(FieldPath.of("from"), "must be an RCS agent id starting with agent_");
        }
        phoneNumber(request.to(), FieldPath.of("to"), violations);
        checkRcsContent(request, MediaCheck.FOR_SENDING, violations);
        if (request.fallback() != null) {
            fallback(request.fallback(), FieldPath.of("fallback"), violations);
        }
        sendOptions(request.options(), violations);
        standaloneCard(request, violations);
        violations.throwIfAny();
    }

    /** {@code POST /messages/validate/sms}. */
    public void smsContent(PinnacleWire.SmsContent request) {
        Violations violations = new Violations();
        if (isBlank(request.text())) {
            violations.add(FieldPath.of("text"), "is required");
        }
        violations.throwIfAny();
    }

    /**
     * {@code POST /messages/validate/mms}. A media URL must be a URL; one the hub would refuse to send is not an
     * error here but listed as unsupported in the answer, which is what this endpoint is for.
     */
    public void mmsContent(PinnacleWire.MmsContent request) {
        Violations violations = new Violations();
        FieldPath files = FieldPath.of("mediaUrls");
        if (request.mediaUrls() == null || request.mediaUrls().isEmpty()) {
            violations.add(files, "must have at least 1 media URL");
        } else {
            for (int i = 0; i < request.mediaUrls().size(); i++) {
                mmsFile(request.mediaUrls().get(i), files.index(i), MediaCheck.FOR_ESTIMATE, violations);
            }
        }
        if (request.text() != null) {
            mmsText(request.text(), FieldPath.of("text"), violations);
        }
        violations.throwIfAny();
    }

    /** {@code POST /messages/validate/rcs}: the content only; media as for {@link #mmsContent}. */
    public void rcsContent(PinnacleWire.RcsSend request) {
        Violations violations = new Violations();
        checkRcsContent(request, MediaCheck.FOR_ESTIMATE, violations);
        violations.throwIfAny();
    }

    private void checkRcsContent(PinnacleWire.RcsSend request, MediaCheck check, Violations violations) {
        int shapes = (request.text() != null ? 1 : 0) + (request.media() != null ? 1 : 0)
                + (request.cards() != null ? 1 : 0);
        if (shapes != 1) {
            violations.add(FieldPath.root(), "must have exactly one of text, media or cards");
        }
        if (request.text() != null) {
            if (isBlank(request.text())) {
                violations.add(FieldPath.of("text"), "must not be empty");
            } else if (length(request.text()) > MAX_RCS_TEXT) {
                violations.add(FieldPath.of("text"), "must be at most " + MAX_RCS_TEXT + " characters");
            }
        }
        if (request.media() != null) {
            rcsFile(request.media(), FieldPath.of("media"), check, violations);
        }
        if (request.cards() != null) {
            cards(request.cards(), check, violations);
        }
        List<PinnacleWire.Button> quickReplies = request.quickReplies() == null ? List.of() : request.quickReplies();
        FieldPath quickRepliesPath = FieldPath.of("quickReplies");
        if (quickReplies.size() > MAX_QUICK_REPLIES) {
            violations.add(quickRepliesPath, "must have at most " + MAX_QUICK_REPLIES + " quick replies");
        }
        for (int i = 0; i < quickReplies.size(); i++) {
            button(quickReplies.get(i), quickRepliesPath.index(i), violations);
        }
    }

    private void cards(List<PinnacleWire.Card> cards, MediaCheck check, Violations violations) {
        FieldPath cardsPath = FieldPath.of("cards");
        if (cards.isEmpty() || cards.size() > MAX_CARDS) {
            violations.add(cardsPath, "must have 1 to " + MAX_CARDS + " cards");
        }
        for (int i = 0; i < cards.size(); i++) {
            PinnacleWire.Card card = cards.get(i);
            FieldPath path = cardsPath.index(i);
            if (card == null) {
                violations.add(path, "is required");
                continue;
            }
            boundedText(card.title(), true, MAX_CARD_TITLE, path.field("title"), violations);
            boundedText(card.subtitle(), false, MAX_CARD_SUBTITLE, path.field("subtitle"), violations);
            if (card.media() != null) {
                rcsFile(card.media(), path.field("media"), check, violations);
            }
            List<PinnacleWire.Button> buttons = card.buttons() == null ? List.of() : card.buttons();
            if (buttons.size() > MAX_BUTTONS) {
                violations.add(path.field("buttons"), "must have at most " + MAX_BUTTONS + " buttons");
            }
            for (int b = 0; b < buttons.size(); b++) {
                button(buttons.get(b), path.field("buttons").index(b), violations);
            }
        }
    }

    private static void button(PinnacleWire.Button button, FieldPath path, Violations violations) {
        if (button == null) {
            violations.add(path, "is required");
            return;
        }
        boundedText(button.title(), true, MAX_BUTTON_TITLE, path.field("title"), violations);
        if (isBlank(button.type())) {
            violations.add(path.field("type"), "is required");
            return;
        }
        if (!BUTTON_TYPES.contains(button.type())) {
            violations.add(path.field("type"), "must be one of " + String.join(", ", BUTTON_TYPES));
            return;
        }
        FieldPath payload = path.field("payload");
        switch (button.type()) {
            case "openUrl" -> {
                if (!Checks.isHttpUrl(button.payload())) {
                    violations.add(payload, "must be an http or https URL");
                }
                oneOf(button.webviewMode(), WebviewMode.values(), path.field("webviewMode"), violations);
            }
            case "call" -> {
                if (!PhoneNumbers.isE164(button.payload())) {
                    violations.add(payload, "must be an E.164 phone number such as +14155550100");
                }
            }
            case "trigger" -> boundedText(button.payload(), true, MAX_PAYLOAD, payload, violations);
            case "scheduleEvent" -> event(button, path, violations);
            case "sendLocation" -> location(button, path, violations);
            default -> {
                // requestUserLocation takes nothing but its title
            }
        }
    }

    private static void event(PinnacleWire.Button button, FieldPath path, Violations violations) {
        boundedText(button.eventTitle(), true, MAX_EVENT_TITLE, path.field("eventTitle"), violations);
        boundedText(button.eventDescription(), false, MAX_EVENT_DESCRIPTION, path.field("eventDescription"),
                violations);
        Optional<OffsetDateTime> start = eventTime(button.eventStartTime(), path.field("eventStartTime"), violations);
        Optional<OffsetDateTime> end = eventTime(button.eventEndTime(), path.field("eventEndTime"), violations);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            violations.add(path.field("eventEndTime"), "must be after eventStartTime");
        }
    }

    private static Optional<OffsetDateTime> eventTime(String value, FieldPath path, Violations violations) {
        if (isBlank(value)) {
            violations.add(path, "is required");
            return Optional.empty();
        }
        Optional<OffsetDateTime> time = PinnacleTimes.eventTime(value);
        if (time.isEmpty()) {
            violations.add(path, "must be an ISO 8601 date-time such as 2030-03-03T15:00:00Z");
        }
        return time;
    }

    private static void location(PinnacleWire.Button button, FieldPath path, Violations violations) {
        boundedText(button.name(), false, MAX_LOCATION_NAME, path.field("name"), violations);
        PinnacleWire.LatLong latLong = button.latLong();
        if (latLong == null) {
            violations.add(path.field("latLong"), "is required");
            return;
        }
        if (latLong.lat() == null || latLong.lat() < -90 || latLong.lat() > 90) {
            violations.add(path.field("latLong").field("lat"), "must be a number between -90 and 90");
        }
        if (latLong.lng() == null || latLong.lng() < -180 || latLong.lng() > 180) {
            violations.add(path.field("latLong").field("lng"), "must be a number between -180 and 180");
        }
    }

    private void fallback(PinnacleWire.Fallback fallback, FieldPath path, Violations violations) {
        phoneNumber(fallback.from(), path.field("from"), violations);
        boolean noMedia = fallback.mediaUrls() == null || fallback.mediaUrls().isEmpty();
        if (isBlank(fallback.text()) && noMedia) {
            violations.add(path, "must have text, mediaUrls or both");
        }
        if (fallback.text() != null) {
            mmsText(fallback.text(), path.field("text"), violations);
        }
        List<String> files = noMedia ? List.of() : fallback.mediaUrls();
        if (files.size() > MmsParts.MAX_FILES) {
            violations.add(path.field("mediaUrls"), "must have at most " + MmsParts.MAX_FILES + " media URLs");
        }
        for (int i = 0; i < files.size(); i++) {
            mmsFile(files.get(i), path.field("mediaUrls").index(i), MediaCheck.FOR_SENDING, violations);
        }
    }

    private void sendOptions(PinnacleWire.SendOptions options, Violations violations) {
        if (options == null) {
            return;
        }
        FieldPath path = FieldPath.of("options");
        schedule(options.schedule(), path.field("schedule"), violations);
        oneOf(options.tracking(), Tracking.values(), path.field("tracking"), violations);
    }

    private static void standaloneCard(PinnacleWire.RcsSend request, Violations violations) {
        PinnacleWire.StandaloneCard standalone = request.options() == null ? null
                : request.options().standaloneCard();
        if (standalone == null) {
            return;
        }
        FieldPath standalonePath = FieldPath.of("options").field("standalone_card");
        if (request.cards() == null || request.cards().size() != 1) {
            violations.add(standalonePath, "applies only to a message with exactly one card");
        } else if (!hasStaticMedia(request.cards().get(0))) {
            violations.add(standalonePath, "needs the card's media to be an image");
        }
        if (isBlank(standalone.orientation())) {
            violations.add(standalonePath.field("orientation"), "is required");
        } else {
            oneOf(standalone.orientation(), CardOrientation.values(), standalonePath.field("orientation"),
                    violations);
        }
        oneOf(standalone.imageAlignment(), ImageAlignment.values(), standalonePath.field("image_alignment"),
                violations);
    }

    private static boolean hasStaticMedia(PinnacleWire.Card card) {
        return card != null && card.media() != null
                && MediaTypes.rcs(card.media()).map(MediaTypes::isImage).orElse(false);
    }

    private void schedule(PinnacleWire.Schedule schedule, FieldPath path, Violations violations) {
        if (schedule == null || schedule.isEmpty()) {
            return;
        }
        Optional<ZoneId> zone = PinnacleTimes.zone(schedule.timezone());
        if (zone.isEmpty()) {
            violations.add(path.field("timezone"), "must be an IANA time zone such as America/New_York");
        }
        Optional<Instant> sendAt = Optional.empty();
        if (isBlank(schedule.sendAt())) {
            violations.add(path.field("sendAt"), "is required");
        } else if (zone.isPresent()) {
            sendAt = scheduleTime(schedule.sendAt(), zone.get(), path.field("sendAt"), violations);
            if (sendAt.isPresent() && sendAt.get().isBefore(clock.instant().plus(MIN_SCHEDULE_LEAD))) {
                violations.add(path.field("sendAt"), "must be at least 5 minutes in the future");
            }
        }
        if (schedule.recurrence() != null) {
            String problem = AwsCron.problem(schedule.recurrence());
            if (problem != null) {
                violations.add(path.field("recurrence"), problem);
            }
            if (isBlank(schedule.endDate())) {
                violations.add(path.field("endDate"), "is required when recurrence is set");
            }
        }
        if (!isBlank(schedule.endDate()) && zone.isPresent()) {
            Optional<Instant> endDate = scheduleTime(schedule.endDate(), zone.get(), path.field("endDate"), violations);
            if (endDate.isPresent() && sendAt.isPresent() && !endDate.get().isAfter(sendAt.get())) {
                violations.add(path.field("endDate"), "must be after sendAt");
            }
        }
    }

    private static Optional<Instant> scheduleTime(String value, ZoneId zone, FieldPath path, Violations violations) {
        Optional<Instant> time = PinnacleTimes.instant(value, zone);
        if (time.isEmpty()) {
            violations.add(path, "must be an ISO 8601 date-time such as 2026-01-01T10:00:00 (in timezone)"
                    + " or 2026-01-01T10:00:00Z");
        }
        return time;
    }

    private static void phoneNumber(String number, FieldPath path, Violations violations) {
        if (isBlank(number)) {
            violations.add(path, "is required");
        } else if (!PhoneNumbers.isE164(number)) {
            violations.add(path, "must be an E.164 phone number such as +14155550100");
        }
    }

    private static void smsText(String text, FieldPath path, Violations violations) {
        if (isBlank(text)) {
            violations.add(path, "is required");
            return;
        }
        SmsSegments segments = Segmentation.forSending(text);
        if (segments.count() > SEGMENT_LIMIT) {
            violations.add(path, "is " + segments.count() + " " + segments.encoding().id()
                    + " segments long; at most " + SEGMENT_LIMIT + " are allowed");
        }
    }

    private static void mmsText(String text, FieldPath path, Violations violations) {
        if (length(text) > MAX_MMS_TEXT) {
            violations.add(path, "must be at most " + MAX_MMS_TEXT + " characters");
        }
    }

    private void mmsMediaUrls(List<String> mediaUrls, boolean multipleMessages, Violations violations) {
        FieldPath path = FieldPath.of("mediaUrls");
        if (mediaUrls == null || mediaUrls.isEmpty()) {
            violations.add(path, "must have at least 1 media URL");
            return;
        }
        if (!multipleMessages && mediaUrls.size() > MmsParts.MAX_FILES) {
            violations.add(path, "must have at most " + MmsParts.MAX_FILES + " media URLs in one MMS;"
                    + " set options.multiple_messages to send them as several");
        } else if (mediaUrls.size() > MmsParts.MAX_FILES * MmsParts.MAX_PARTS) {
            violations.add(path, "must have at most " + MmsParts.MAX_FILES * MmsParts.MAX_PARTS + " media URLs");
        }
        for (int i = 0; i < mediaUrls.size(); i++) {
            mmsFile(mediaUrls.get(i), path.index(i), MediaCheck.FOR_SENDING, violations);
        }
    }

    private void mmsFile(String url, FieldPath path, MediaCheck check, Violations violations) {
        mediaFile(url, path, check, MediaTypes::mms, "MMS", MediaTypes.MMS_EXTENSIONS, violations);
    }

    private void rcsFile(String url, FieldPath path, MediaCheck check, Violations violations) {
        mediaFile(url, path, check, MediaTypes::rcs, "RCS", MediaTypes.RCS_EXTENSIONS, violations);
    }

    private void mediaFile(String url, FieldPath path, MediaCheck check, Function<String, Optional<String>> type,
            String channel, String extensions, Violations violations) {
        if (!Checks.isHttpUrl(url)) {
            violations.add(path, "must be an http or https URL");
            return;
        }
        if (check == MediaCheck.FOR_ESTIMATE) {
            return;
        }
        String refusal = targetGuard.mediaRefusal(URI.create(url));
        if (refusal != null) {
            violations.add(path, refusal);
        } else if (type.apply(url).isEmpty()) {
            violations.add(path, "must be a file type " + channel + " supports (" + extensions + ")");
        }
    }

    private static void boundedText(String value, boolean required, int max, FieldPath path, Violations violations) {
        if (isBlank(value)) {
            if (required) {
                violations.add(path, "is required");
            }
        } else if (length(value) > max) {
            violations.add(path, "must be at most " + max + " characters");
        }
    }

    private static void oneOf(String value, Enum<?>[] allowed, FieldPath path, Violations violations) {
        if (value != null && !Checks.isOneOf(value, allowed)) {
            List<String> names = Arrays.stream(allowed).map(Enum::name).toList();
            violations.add(path, "must be one of " + String.join(", ", names));
        }
    }
}
