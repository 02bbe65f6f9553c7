package io.switchboard.dialect.v1;

import static io.switchboard.api.Checks.isBlank;
import static io.switchboard.api.FieldRules.LATITUDE;
import static io.switchboard.api.FieldRules.LONGITUDE;
import static io.switchboard.api.FieldRules.atMost;
import static io.switchboard.api.FieldRules.e164;
import static io.switchboard.api.FieldRules.httpUrl;
import static io.switchboard.api.FieldRules.maxLength;
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
import io.switchboard.dialect.v1.V1SendRequest.Action;
import io.switchboard.dialect.v1.V1SendRequest.CalendarEvent;
import io.switchboard.dialect.v1.V1SendRequest.Card;
import io.switchboard.dialect.v1.V1SendRequest.Carousel;
import io.switchboard.dialect.v1.V1SendRequest.Content;
import io.switchboard.dialect.v1.V1SendRequest.Dial;
import io.switchboard.dialect.v1.V1SendRequest.LatLong;
import io.switchboard.dialect.v1.V1SendRequest.Media;
import io.switchboard.dialect.v1.V1SendRequest.OpenUrl;
import io.switchboard.dialect.v1.V1SendRequest.Reply;
import io.switchboard.dialect.v1.V1SendRequest.RichCard;
import io.switchboard.dialect.v1.V1SendRequest.Standalone;
import io.switchboard.dialect.v1.V1SendRequest.Suggestion;
import io.switchboard.dialect.v1.V1SendRequest.ViewLocation;
import io.switchboard.net.TargetGuard;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The v1 rules for {@code POST /v1/messages}; reports every problem at once. */
@Component
public class V1Validator {

    /** 64 characters, even astral ones, fit the message store's sender column of 128 UTF-16 units. */
    static final int MAX_SENDER_ID = 64;
    static final int MAX_TEXT = 3072;
    static final int MAX_SMS_TEXT = 1600;
    static final int MAX_CHIPS = 11;
    static final int MAX_CARD_SUGGESTIONS = 4;
    static final int MAX_CARD_TITLE = 200;
    static final int MAX_CARD_DESCRIPTION = 2000;
    static final int MIN_CAROUSEL_CARDS = 2;
    static final int MAX_CAROUSEL_CARDS = 10;
    static final int MAX_CHIP_TEXT = 25;
    static final int MAX_POSTBACK = 2048;
    static final int MAX_EVENT_TITLE = 100;
    static final int MAX_EVENT_DESCRIPTION = 500;

    private static final Pattern TTL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?s");

    public enum MessageType { MESSAGE, CONVERSATION, NEWSLETTER }

    public enum TrafficType { AUTHENTICATION, TRANSACTION, PROMOTION, SERVICEREQUEST, ACKNOWLEDGEMENT }

    enum WebviewMode { FULL, HALF, TALL }

    enum Height { SHORT, MEDIUM, TALL }

    enum Orientation { VERTICAL, HORIZONTAL }

    enum ImageAlignment { LEFT, RIGHT }

    enum CardWidth { SMALL, MEDIUM }

    private static final Rule<String> CHIP_TEXT = required(maxLength(MAX_CHIP_TEXT));

    /** Counted in UTF-16 units, not as {@link FieldRules#maxLength} counts: base64 is ASCII anyway. */
    private static final Rule<String> POSTBACK = ifNotNull(
            must(postback -> postback.length() <= MAX_POSTBACK, "must be at most " + MAX_POSTBACK + " characters"),
            must(postback -> decodePostback(postback) != null, "must be base64-encoded UTF-8 text"));

    private static final Rule<String> DATE_TIME = must(Checks::isOffsetDateTime,
            "must be an ISO-8601 date-time with an offset");

    private static final Rules<CalendarEvent> EVENT = Rules.of(CalendarEvent.class)
            .field("start_time", CalendarEvent::startTime, DATE_TIME)
            .field("end_time", CalendarEvent::endTime, DATE_TIME)
            .check("end_time", V1Validator::endsAfterStart, "must be after start_time")
            .field("title", CalendarEvent::title, required(maxLength(MAX_EVENT_TITLE)))
            .field("description", CalendarEvent::description, maxLength(MAX_EVENT_DESCRIPTION));

    private static final Rules<Action> ACTION = Rules.of(Action.class)
            .field("text", Action::text, CHIP_TEXT)
            .field("postback_data", Action::postbackData, POSTBACK)
            .field("fallback_url", Action::fallbackUrl, ifNotNull(httpUrl()))
            .precondition(action -> Checks.isExactlyOneGiven(action.dial(), action.openUrl(),
                    action.openUrlInWebview(), action.viewLocation(), action.shareLocation(),
                    action.createCalendarEvent()), "must have exactly one of dial, open_url, open_url_in_webview,"
                    + " view_location, share_location, create_calendar_event")
            .field("dial", Action::dial, ifNotNull(Rule.field("phone_number", Dial::phoneNumber, e164())))
            .field("open_url", Action::openUrl, ifNotNull(Rule.field("url", OpenUrl::url, httpUrl())))
            .field("open_url_in_webview", Action::openUrlInWebview, ifNotNull(Rules.of(OpenUrl.class)
                    .field("url", OpenUrl::url, httpUrl())
                    .field("view_mode", OpenUrl::viewMode, ifNotNull(oneOf(WebviewMode.values())))))
            .field("view_location", Action::viewLocation, ifNotNull(Rule.field("lat_long", ViewLocation::latLong,
                    required(Rules.of(LatLong.class)
                            .field("latitude", LatLong::latitude, LATITUDE)
                            .field("longitude", LatLong::longitude, LONGITUDE)))))
            .field("create_calendar_event", Action::createCalendarEvent, ifNotNull(EVENT));

    private static final Rules<Suggestion> SUGGESTION = Rules.of(Suggestion.class)
            .precondition(suggestion -> suggestion != null
                    && Checks.isExactlyOneGiven(suggestion.reply(), suggestion.action()),
                    "must have exactly one of reply or action")
            .field("reply", Suggestion::reply, ifNotNull(Rules.of(Reply.class)
                    .field("text", Reply::text, CHIP_TEXT)
                    .field("postback_data", Reply::postbackData, POSTBACK)))
            .field("action", Suggestion::action, ifNotNull(ACTION));

    private static final Rules<Content> SMS_CONTENT = Rules.of(Content.class)
            .field("text", Content::text, required(must(text -> Checks.length(text) <= MAX_SMS_TEXT,
                    "must be at most " + MAX_SMS_TEXT + " characters for an SMS")))
            .check("rich_card", content -> content.richCard() == null, "is not possible in an SMS")
            .check("suggestions", content -> content.suggestions() == null || content.suggestions().isEmpty(),
                    "are not possible in an SMS");

    private final Rules<V1SendRequest> rules;

    public V1Validator(TargetGuard guard) {
        // media is fetched by the carrier: an https URL that does not point into the hub's own network
        Rule<String> media = inTurn(must(url -> Checks.isHttpUrl(url) && url.regionMatches(true, 0, "https:", 0, 6),
                "must be an https URL"), FieldRules.outsideTheHub(guard));
        Rules<Card> card = Rules.of(Card.class)
                .check(c -> !isBlank(c.title()) || !isBlank(c.description()) || c.media() != null,
                        "must have a title, a description or media")
                .field("title", Card::title, maxLength(MAX_CARD_TITLE))
                .field("description", Card::description, maxLength(MAX_CARD_DESCRIPTION))
                .field("media", Card::media, ifNotNull(Rules.of(Media.class)
                        // a blank url is refused as no https URL, not as missing
                        .field("url", Media::url, inTurn(must(Objects::nonNull, "is required"), media))
                        .field("thumbnail_url", Media::thumbnailUrl, ifNotNull(media))
                        .field("height", Media::height, ifNotNull(oneOf(Height.values())))))
                .field("suggestions", Card::suggestions, suggestions(MAX_CARD_SUGGESTIONS));
        Rules<RichCard> richCard = Rules.of(RichCard.class)
                .precondition(layout -> Checks.isExactlyOneGiven(layout.standalone(), layout.carousel()),
                        "must have exactly one of standalone and carousel")
                .field("standalone", RichCard::standalone, ifNotNull(Rules.of(Standalone.class)
                        .field("orientation", Standalone::orientation, ifNotNull(oneOf(Orientation.values())))
                        .field("thumbnail_image_alignment", Standalone::thumbnailImageAlignment,
                                ifNotNull(oneOf(ImageAlignment.values())))
                        .field("content", Standalone::content, required(card))))
                .field("carousel", RichCard::carousel, ifNotNull(Rules.of(Carousel.class)
                        .field("card_width", Carousel::cardWidth, ifNotNull(oneOf(CardWidth.values())))
                        .field("cards", Carousel::cards, all(sized(MIN_CAROUSEL_CARDS, MAX_CAROUSEL_CARDS, "cards"),
                                each(required(card))))));
        Rules<Content> rcsContent = Rules.of(Content.class)
                .check("text", content -> !isBlank(content.text()) || content.richCard() != null,
                        "is required (or rich_card)")
                .check(content -> isBlank(content.text()) || content.richCard() == null,
                        "must have exactly one of text and rich_card")
                .when(content -> content.richCard() == null,
                        Rule.field("text", Content::text, ifPresent(maxLength(MAX_TEXT))))
                .when(content -> isBlank(content.text()),
                        Rule.field("rich_card", Content::richCard, ifNotNull(richCard)))
                .field("suggestions", Content::suggestions, suggestions(MAX_CHIPS));
        rules = Rules.of(V1SendRequest.class)
                .field("to", V1SendRequest::to, required(e164("+4917612345678")))
                .field("agent_id", V1SendRequest::agentId, maxLength(MAX_SENDER_ID))
                .field("channel_id", V1SendRequest::channelId, maxLength(MAX_SENDER_ID))
                .check("channel_id", request -> isBlank(request.channelId()) || isBlank(request.agentId()),
                        "must not be given together with agent_id")
                .check("agent_id", request -> !isBlank(request.agentId()) || !isBlank(request.channelId()),
                        "is required (or channel_id to send an SMS)")
                .field("message_type", V1SendRequest::messageType, ifNotNull(oneOf(MessageType.values())))
                .requiredWhen(request -> !isSms(request), Rule.field("traffic_type", V1SendRequest::trafficType,
                        required(oneOf(TrafficType.values()))))
                .field("ttl", V1SendRequest::ttl, ifNotNull(must(ttl -> TTL.matcher(ttl).matches(),
                        "must be a duration in seconds such as \"3600s\"")))
                .when(V1Validator::isSms, Rule.field("content", V1SendRequest::content, required(SMS_CONTENT)))
                .when(request -> !isSms(request),
                        Rule.field("content", V1SendRequest::content, required(rcsContent)));
    }

    public void validate(V1SendRequest request) {
        rules.validate(request);
    }

    /** A channel and no agent: the message goes out as an SMS. */
    private static boolean isSms(V1SendRequest request) {
        return !isBlank(request.channelId()) && isBlank(request.agentId());
    }

    private static Rule<List<Suggestion>> suggestions(int max) {
        return all(atMost(max, "suggestions"), each(SUGGESTION));
    }

    /** Only two times that are both valid can be in the wrong order. */
    private static boolean endsAfterStart(CalendarEvent event) {
        return !Checks.isOffsetDateTime(event.startTime()) || !Checks.isOffsetDateTime(event.endTime())
                || OffsetDateTime.parse(event.endTime()).isAfter(OffsetDateTime.parse(event.startTime()));
    }

    /** The text a base64 {@code postback_data} stands for, or null when it is not base64 of UTF-8 text. */
    static String decodePostback(String postbackData) {
        try {
            byte[] bytes = Base64.getDecoder().decode(postbackData);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
