package io.switchboard.dialect.pinnacle;

import static io.switchboard.api.Checks.isBlank;
import static io.switchboard.api.FieldRules.LATITUDE;
import static io.switchboard.api.FieldRules.LONGITUDE;
import static io.switchboard.api.FieldRules.atMost;
import static io.switchboard.api.FieldRules.e164;
import static io.switchboard.api.FieldRules.httpUrl;
import static io.switchboard.api.FieldRules.maxLength;
import static io.switchboard.api.FieldRules.notEmpty;
import static io.switchboard.api.FieldRules.oneOf;
import static io.switchboard.api.FieldRules.sized;
import static io.switchboard.api.Rule.all;
import static io.switchboard.api.Rule.each;
import static io.switchboard.api.Rule.ifNotNull;
import static io.switchboard.api.Rule.ifPresent;
import static io.switchboard.api.Rule.inTurn;
import static io.switchboard.api.Rule.must;
import static io.switchboard.api.Rule.required;

import io.switchboard.api.Checks;
import io.switchboard.api.FieldRules;
import io.switchboard.api.Rule;
import io.switchboard.api.Rules;
import io.switchboard.dialect.pinnacle.PinnacleWire.Button;
import io.switchboard.dialect.pinnacle.PinnacleWire.Card;
import io.switchboard.dialect.pinnacle.PinnacleWire.Fallback;
import io.switchboard.dialect.pinnacle.PinnacleWire.LatLong;
import io.switchboard.dialect.pinnacle.PinnacleWire.MmsContent;
import io.switchboard.dialect.pinnacle.PinnacleWire.MmsSend;
import io.switchboard.dialect.pinnacle.PinnacleWire.RcsSend;
import io.switchboard.dialect.pinnacle.PinnacleWire.Schedule;
import io.switchboard.dialect.pinnacle.PinnacleWire.SendOptions;
import io.switchboard.dialect.pinnacle.PinnacleWire.SmsContent;
import io.switchboard.dialect.pinnacle.PinnacleWire.SmsSend;
import io.switchboard.dialect.pinnacle.PinnacleWire.StandaloneCard;
import io.switchboard.model.CardOrientation;
import io.switchboard.model.ImageAlignment;
import io.switchboard.model.MediaTypes;
import io.switchboard.net.TargetGuard;
import io.switchboard.sms.Segmentation;
import io.switchboard.sms.SmsSegments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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

    private static final String AGENT_PREFIX = "agent_";

    private static final Rule<String> PHONE_NUMBER = e164("+14155550100");

    private static final Rule<String> EVENT_TIME = required(must(time -> PinnacleTimes.eventTime(time).isPresent(),
            "must be an ISO 8601 date-time such as 2030-03-03T15:00:00Z"));

    private static final Rule<ScheduleTime> SCHEDULE_TIME = must(time -> time.instant().isPresent(),
            "must be an ISO 8601 date-time such as 2026-01-01T10:00:00 (in timezone) or 2026-01-01T10:00:00Z");

    /** {@code type} says which other fields a button has; {@code requestUserLocation} has none but its title. */
    private static final Rules<Button> BUTTON = Rules.of(Button.class)
            .field("title", Button::title, required(maxLength(MAX_BUTTON_TITLE)))
            .field("type", Button::type, required(oneOf(BUTTON_TYPES)))
            .when(ofType("openUrl"), Rules.of(Button.class)
                    .field("payload", Button::payload, httpUrl())
                    .field("webviewMode", Button::webviewMode, ifNotNull(oneOf(WebviewMode.values()))))
            .when(ofType("call"), Rule.field("payload", Button::payload, PHONE_NUMBER))
            .when(ofType("trigger"), Rule.field("payload", Button::payload, required(maxLength(MAX_PAYLOAD))))
            .when(ofType("scheduleEvent"), Rules.of(Button.class)
                    .field("eventTitle", Button::eventTitle, required(maxLength(MAX_EVENT_TITLE)))
                    .field("eventDescription", Button::eventDescription, ifPresent(maxLength(MAX_EVENT_DESCRIPTION)))
                    .field("eventStartTime", Button::eventStartTime, EVENT_TIME)
                    .field("eventEndTime", Button::eventEndTime, EVENT_TIME)
                    .check("eventEndTime", PinnacleValidator::endsAfterStart, "must be after eventStartTime"))
            .when(ofType("sendLocation"), Rules.of(Button.class)
                    .field("name", Button::name, ifPresent(maxLength(MAX_LOCATION_NAME)))
                    .field("latLong", Button::latLong, required(Rules.of(LatLong.class)
                            .field("lat", LatLong::lat, LATITUDE)
                            .field("lng", LatLong::lng, LONGITUDE))));

    /** Only a card with a still image can be laid out as a standalone card; read from the whole request. */
    private static final Rules<RcsSend> STANDALONE_CARD = Rules.of(RcsSend.class)
            .rule(inTurn(must(request -> request.cards() != null && request.cards().size() == 1,
                            "applies only to a message with exactly one card"),
                    must(request -> hasStaticMedia(request.cards().get(0)), "needs the card's media to be an image")))
            .field("orientation", request -> standaloneCard(request).orientation(),
                    required(oneOf(CardOrientation.values())))
            .field("image_alignment", request -> standaloneCard(request).imageAlignment(),
                    ifNotNull(oneOf(ImageAlignment.values())));

    private static final Rules<SmsContent> SMS_CONTENT = Rules.of(SmsContent.class)
            .field("text", SmsContent::text, required());

    private final Clock clock;
    private final Rules<SmsSend> sms;
    private final Rules<MmsSend> mms;
    private final Rules<RcsSend> rcs;
    private final Rules<MmsContent> mmsContent;
    private final Rules<RcsSend> rcsContent;

    public PinnacleValidator(Clock clock, TargetGuard targetGuard) {
        this.clock = clock;
        Rule<String> sendable = inTurn(httpUrl(), FieldRules.outsideTheHub(targetGuard));
        Rule<String> mmsFile = inTurn(sendable, must(url -> MediaTypes.mms(url).isPresent(),
                "must be a file type MMS supports (" + MediaTypes.MMS_EXTENSIONS + ")"));
        Rule<String> rcsFile = inTurn(sendable, must(url -> MediaTypes.rcs(url).isPresent(),
                "must be a file type RCS supports (" + MediaTypes.RCS_EXTENSIONS + ")"));
        Rules<SendOptions> options = Rules.of(SendOptions.class)
                .field("schedule", SendOptions::schedule, ifNotNull(Rule.when(schedule -> !schedule.isEmpty(),
                        schedule())))
                .field("tracking", SendOptions::tracking, ifNotNull(oneOf(Tracking.values())));
        Rule<String> phone = required(PHONE_NUMBER);
        sms = Rules.of(SmsSend.class)
                .field("from", SmsSend::from, phone)
                .field("to", SmsSend::to, phone)
                .field("text", SmsSend::text, required(Rule.refusal(PinnacleValidator::segmentsRefusal)))
                .field("options", SmsSend::options, ifNotNull(options));
        mms = Rules.of(MmsSend.class)
                .field("from", MmsSend::from, phone)
                .field("to", MmsSend::to, phone)
                .field("text", MmsSend::text, required(maxLength(MAX_MMS_TEXT)))
                .field("mediaUrls", MmsSend::mediaUrls, notEmpty("media URL"))
                .when(PinnacleValidator::isOneMms, Rule.field("mediaUrls", MmsSend::mediaUrls, must(
                        files -> files == null || files.size() <= MmsParts.MAX_FILES,
                        "must have at most " + MmsParts.MAX_FILES + " media URLs in one MMS;"
                                + " set options.multiple_messages to send them as several")))
                .when(Predicate.not(PinnacleValidator::isOneMms), Rule.field("mediaUrls", MmsSend::mediaUrls,
                        atMost(MmsParts.MAX_FILES * MmsParts.MAX_PARTS, "media URLs")))
                .field("mediaUrls", MmsSend::mediaUrls, each(mmsFile))
                .field("options", MmsSend::options, ifNotNull(options));
        rcs = Rules.of(RcsSend.class)
                .field("from", RcsSend::from, required(must(PinnacleValidator::isAgentId,
                        "must be an RCS agent id starting with " + AGENT_PREFIX)))
                .field("to", RcsSend::to, phone)
                .rule(rcsContent(rcsFile))
                .field("fallback", RcsSend::fallback, ifNotNull(Rules.of(Fallback.class)
                        .field("from", Fallback::from, phone)
                        .check(fallback -> !isBlank(fallback.text()) || !isEmpty(fallback.mediaUrls()),
                                "must have text, mediaUrls or both")
                        .field("text", Fallback::text, maxLength(MAX_MMS_TEXT))
                        .field("mediaUrls", Fallback::mediaUrls, all(atMost(MmsParts.MAX_FILES, "media URLs"),
                                each(mmsFile)))))
                .field("options", RcsSend::options, ifNotNull(options))
                .when(request -> standaloneCard(request) != null,
                        Rule.at("options", Rule.at("standalone_card", STANDALONE_CARD)));
        // the validate endpoints list a file the send would refuse as unsupported, which is what they are for
        mmsContent = Rules.of(MmsContent.class)
                .field("mediaUrls", MmsContent::mediaUrls, all(notEmpty("media URL"), each(httpUrl())))
                .field("text", MmsContent::text, maxLength(MAX_MMS_TEXT));
        rcsContent = rcsContent(httpUrl());
    }

    /** {@code POST /messages/send/sms}. */
    public void sms(SmsSend request) {
        sms.validate(request);
    }

    /** {@code POST /messages/send/mms}. */
    public void mms(MmsSend request) {
        mms.validate(request);
    }

    /** {@code POST /messages/send/rcs}. */
    public void rcs(RcsSend request) {
        rcs.validate(request);
    }

    /** {@code POST /messages/validate/sms}. */
    public void smsContent(SmsContent request) {
        SMS_CONTENT.validate(request);
    }

    /**
     * {@code POST /messages/validate/mms}. A media URL must be a URL; one the hub would refuse to send is not an
     * error here but listed as unsupported in the answer, which is what this endpoint is for.
     */
    public void mmsContent(MmsContent request) {
        mmsContent.validate(request);
    }

    /** {@code POST /messages/validate/rcs}: the content only; media as for {@link #mmsContent}. */
    public void rcsContent(RcsSend request) {
        rcsContent.validate(request);
    }

    /** What a send and a validate of RCS share; {@code file} is how strictly each checks a media URL. */
    private static Rules<RcsSend> rcsContent(Rule<String> file) {
        return Rules.of(RcsSend.class)
                .check(request -> Checks.isExactlyOneGiven(request.text(), request.media(), request.cards()),
                        "must have exactly one of text, media or cards")
                .field("text", RcsSend::text, ifNotNull(must(text -> !isBlank(text), "must not be empty"),
                        maxLength(MAX_RCS_TEXT)))
                .field("media", RcsSend::media, ifNotNull(file))
                .field("cards", RcsSend::cards, ifNotNull(all(sized(1, MAX_CARDS, "cards"),
                        each(required(Rules.of(Card.class)
                                .field("title", Card::title, required(maxLength(MAX_CARD_TITLE)))
                                .field("subtitle", Card::subtitle, ifPresent(maxLength(MAX_CARD_SUBTITLE)))
                                .field("media", Card::media, ifNotNull(file))
                                .field("buttons", Card::buttons, all(atMost(MAX_BUTTONS, "buttons"),
                                        each(required(BUTTON)))))))))
                .field("quickReplies", RcsSend::quickReplies, all(atMost(MAX_QUICK_REPLIES, "quick replies"),
                        each(required(BUTTON))));
    }

    /**
     * A schedule's times are local to its zone, so they are read only when the zone is one; {@code endDate} must
     * follow {@code sendAt} only when both could be read.
     */
    private Rules<Schedule> schedule() {
        return Rules.of(Schedule.class)
                .field("timezone", Schedule::timezone, must(zone -> PinnacleTimes.zone(zone).isPresent(),
                        "must be an IANA time zone such as America/New_York"))
                .field("sendAt", Schedule::sendAt, required())
                .field("sendAt", schedule -> ScheduleTime.of(schedule, schedule.sendAt()), ifNotNull(SCHEDULE_TIME,
                        must(time -> !time.instant().get().isBefore(clock.instant().plus(MIN_SCHEDULE_LEAD)),
                                "must be at least 5 minutes in the future")))
                .field("recurrence", Schedule::recurrence, ifNotNull(Rule.refusal(AwsCron::problem)))
                .when(schedule -> schedule.recurrence() != null, "recurrence is set",
                        Rule.field("endDate", Schedule::endDate, required()))
                .field("endDate", schedule -> ScheduleTime.of(schedule, schedule.endDate()), ifNotNull(SCHEDULE_TIME))
                .check("endDate", PinnacleValidator::endsAfterSendAt, "must be after sendAt");
    }

    /** A schedule time with the zone it is local to; null where either is missing, and there is nothing to read. */
    private record ScheduleTime(String text, ZoneId zone) {

        static ScheduleTime of(Schedule schedule, String text) {
            Optional<ZoneId> zone = PinnacleTimes.zone(schedule.timezone());
            return isBlank(text) || zone.isEmpty() ? null : new ScheduleTime(text, zone.get());
        }

        Optional<Instant> instant() {
            return PinnacleTimes.instant(text, zone);
        }
    }

    private static boolean endsAfterSendAt(Schedule schedule) {
        Optional<Instant> sendAt = readable(ScheduleTime.of(schedule, schedule.sendAt()));
        Optional<Instant> endDate = readable(ScheduleTime.of(schedule, schedule.endDate()));
        return sendAt.isEmpty() || endDate.isEmpty() || endDate.get().isAfter(sendAt.get());
    }

    private static Optional<Instant> readable(ScheduleTime time) {
        return time == null ? Optional.empty() : time.instant();
    }

    private static boolean endsAfterStart(Button button) {
        return PinnacleTimes.eventTime(button.eventStartTime())
                .flatMap(start -> PinnacleTimes.eventTime(button.eventEndTime()).map(end -> end.isAfter(start)))
                .orElse(true);
    }

    private static String segmentsRefusal(String text) {
        SmsSegments segments = Segmentation.forSending(text);
        return segments.count() <= SEGMENT_LIMIT ? null : "is " + segments.count() + " "
                + segments.encoding().id() + " segments long; at most " + SEGMENT_LIMIT + " are allowed";
    }

    /** Without {@code multiple_messages} the files go in one MMS. */
    private static boolean isOneMms(MmsSend request) {
        return request.options() == null || !Boolean.TRUE.equals(request.options().multipleMessages());
    }

    private static boolean isAgentId(String from) {
        return from.startsWith(AGENT_PREFIX) && from.length() > AGENT_PREFIX.length();
    }

    private static StandaloneCard standaloneCard(RcsSend request) {
        return request.options() == null ? null : request.options().standaloneCard();
    }

    private static boolean hasStaticMedia(Card card) {
        return card != null && card.media() != null
                && MediaTypes.rcs(card.media()).map(MediaTypes::isImage).orElse(false);
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static Predicate<Button> ofType(String type) {
        return button -> type.equals(button.type());
    }
}
