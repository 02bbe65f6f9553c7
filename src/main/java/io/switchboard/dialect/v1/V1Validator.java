package io.switchboard.dialect.v1;

import static io.switchboard.api.Checks.isBlank;
import static io.switchboard.api.Checks.length;

import io.switchboard.api.Checks;
import io.switchboard.api.FieldPath;
import io.switchboard.api.PhoneNumbers;
import io.switchboard.api.Violations;
import io.switchboard.net.TargetGuard;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

    private final TargetGuard guard;

    public V1Validator(TargetGuard guard) {
        this.guard = guard;
    }

    public void validate(V1SendRequest request) {
        Violations violations = new Violations();
        if (isBlank(request.to())) {
            violations.add(FieldPath.of("to"), "is required");
        } else if (!PhoneNumbers.isE164(request.to())) {
            violations.add(FieldPath.of("to"), "must be an E.164 phone number such as +4917612345678");
        }
        boolean sms = !isBlank(request.channelId()) && isBlank(request.agentId());
        if (length(request.agentId()) > MAX_SENDER_ID) {
            violations.add(FieldPath.of("agent_id"), "must be at most " + MAX_SENDER_ID + " characters");
        }
        if (length(request.channelId()) > MAX_SENDER_ID) {
            violations.add(FieldPath.of("channel_id"), "must be at most " + MAX_SENDER_ID + " characters");
        }
        if (!isBlank(request.channelId()) && !isBlank(request.agentId())) {
            violations.add(FieldPath.of("channel_id"), "must not be given together with agent_id");
        } else if (!sms && isBlank(request.agentId())) {
            violations.add(FieldPath.of("agent_id"), "is required (or channel_id to send an SMS)");
        }
        if (request.messageType() != null && !Checks.isOneOf(request.messageType(), MessageType.values())) {
            violations.add(FieldPath.of("message_type"), "must be one of " + names(MessageType.values()));
        }
        if (isBlank(request.trafficType())) {
            if (!sms) {
                violations.add(FieldPath.of("traffic_type"), "is required");
            }
        } else if (!Checks.isOneOf(request.trafficType(), TrafficType.values())) {
            violations.add(FieldPath.of("traffic_type"), "must be one of " + names(TrafficType.values()));
        }
        if (request.ttl() != null && !TTL.matcher(request.ttl()).matches()) {
            violations.add(FieldPath.of("ttl"), "must be a duration in seconds such as \"3600s\"");
        }
        FieldPath content = FieldPath.of("content");
        if (request.content() == null) {
            violations.add(content, "is required");
        } else if (sms) {
            validateSmsContent(request.content(), content, violations);
        } else {
            validateRcsContent(request.content(), content, violations);
        }
        violations.throwIfAny();
    }

    private void validateSmsContent(V1SendRequest.Content content, FieldPath path, Violations violations) {
        if (isBlank(content.text())) {
            violations.add(path.field("text"), "is required");
        } else if (length(content.text()) > MAX_SMS_TEXT) {
            violations.add(path.field("text"), "must be at most " + MAX_SMS_TEXT + " characters for an SMS");
        }
        if (content.richCard() != null) {
            violations.add(path.field("rich_card"), "is not possible in an SMS");
        }
        if (content.suggestions() != null && !content.suggestions().isEmpty()) {
            violations.add(path.field("suggestions"), "are not possible in an SMS");
        }
    }

    private void validateRcsContent(V1SendRequest.Content content, FieldPath path, Violations violations) {
        if (isBlank(content.text()) && content.richCard() == null) {
            violations.add(path.field("text"), "is required (or rich_card)");
        } else if (!isBlank(content.text()) && content.richCard() != null) {
            violations.add(path, "must have exactly one of text and rich_card");
        } else if (content.richCard() == null) {
            if (length(content.text()) > MAX_TEXT) {
                violations.add(path.field("text"), "must be at most " + MAX_TEXT + " characters");
            }
        } else {
            validateRichCard(content.richCard(), path.field("rich_card"), violations);
        }
        validateSuggestions(content.suggestions(), MAX_CHIPS, path.field("suggestions"), violations);
    }

    private void validateRichCard(V1SendRequest.RichCard card, FieldPath path, Violations violations) {
        if ((card.standalone() == null) == (card.carousel() == null)) {
            violations.add(path, "must have exactly one of standalone and carousel");
            return;
        }
        if (card.standalone() != null) {
            FieldPath standalone = path.field("standalone");
            V1SendRequest.Standalone layout = card.standalone();
            checkOneOf(layout.orientation(), Orientation.values(), standalone.field("orientation"), violations);
            checkOneOf(layout.thumbnailImageAlignment(), ImageAlignment.values(),
                    standalone.field("thumbnail_image_alignment"), violations);
            validateCard(layout.content(), standalone.field("content"), violations);
            return;
        }
        FieldPath carousel = path.field("carousel");
        checkOneOf(card.carousel().cardWidth(), CardWidth.values(), carousel.field("card_width"), violations);
        List<V1SendRequest.Card> cards = card.carousel().cards() == null ? List.of() : card.carousel().cards();
        if (cards.size() < MIN_CAROUSEL_CARDS || cards.size() > MAX_CAROUSEL_CARDS) {
            violations.add(carousel.field("cards"), "must have " + MIN_CAROUSEL_CARDS + " to " + MAX_CAROUSEL_CARDS
                    + " cards");
        }
        for (int i = 0; i < cards.size(); i++) {
            validateCard(cards.get(i), carousel.field("cards").index(i), violations);
        }
    }

    private void validateCard(V1SendRequest.Card card, FieldPath path, Violations violations) {
        if (card == null) {
            violations.add(path, "is required");
            return;
        }
        if (isBlank(card.title()) && isBlank(card.description()) && card.media() == null) {
            violations.add(path, "must have a title, a description or media");
        }
        if (length(card.title()) > MAX_CARD_TITLE) {
            violations.add(path.field("title"), "must be at most " + MAX_CARD_TITLE + " characters");
        }
        if (length(card.description()) > MAX_CARD_DESCRIPTION) {
            violations.add(path.field("description"), "must be at most " + MAX_CARD_DESCRIPTION + " characters");
        }
        if (card.media() != null) {
            FieldPath media = path.field("media");
            checkMediaUrl(card.media().url(), true, media.field("url"), violations);
            checkMediaUrl(card.media().thumbnailUrl(), false, media.field("thumbnail_url"), violations);
            checkOneOf(card.media().height(), Height.values(), media.field("height"), violations);
        }
        validateSuggestions(card.suggestions(), MAX_CARD_SUGGESTIONS, path.field("suggestions"), violations);
    }

    private void validateSuggestions(List<V1SendRequest.Suggestion> suggestions, int max, FieldPath path,
            Violations violations) {
        if (suggestions == null) {
            return;
        }
        if (suggestions.size() > max) {
            violations.add(path, "must have at most " + max + " suggestions");
        }
        for (int i = 0; i < suggestions.size(); i++) {
            validateSuggestion(suggestions.get(i), path.index(i), violations);
        }
    }

    /** Media is fetched by the carrier: an https URL that does not point into the hub's own network. */
    private void checkMediaUrl(String url, boolean required, FieldPath path, Violations violations) {
        if (url == null) {
            if (required) {
                violations.add(path, "is required");
            }
            return;
        }
        if (!Checks.isHttpUrl(url) || !url.regionMatches(true, 0, "https:", 0, 6)) {
            violations.add(path, "must be an https URL");
            return;
        }
        String refusal = guard.mediaRefusal(URI.create(url));
        if (refusal != null) {
            violations.add(path, refusal);
        }
    }

    private static void checkOneOf(String value, Enum<?>[] allowed, FieldPath path, Violations violations) {
        if (value != null && !Checks.isOneOf(value, allowed)) {
            violations.add(path, "must be one of " + names(allowed));
        }
    }

    private void validateSuggestion(V1SendRequest.Suggestion suggestion, FieldPath path, Violations violations) {
        if (suggestion == null || (suggestion.reply() == null) == (suggestion.action() == null)) {
            violations.add(path, "must have exactly one of reply or action");
            return;
        }
        if (suggestion.reply() != null) {
            FieldPath reply = path.field("reply");
            validateChip(suggestion.reply().text(), suggestion.reply().postbackData(), reply, violations);
            return;
        }
        V1SendRequest.Action action = suggestion.action();
        FieldPath actionPath = path.field("action");
        validateChip(action.text(), action.postbackData(), actionPath, violations);
        if (action.fallbackUrl() != null && !Checks.isHttpUrl(action.fallbackUrl())) {
            violations.add(actionPath.field("fallback_url"), "must be an http or https URL");
        }
        List<String> kinds = actionKinds(action);
        if (kinds.size() != 1) {
            violations.add(actionPath, "must have exactly one of dial, open_url, open_url_in_webview, view_location,"
                    + " share_location, create_calendar_event");
            return;
        }
        FieldPath kindPath = actionPath.field(kinds.get(0));
        if (action.dial() != null) {
            if (!PhoneNumbers.isE164(action.dial().phoneNumber())) {
                violations.add(kindPath.field("phone_number"), "must be an E.164 phone number");
            }
        } else if (action.openUrl() != null) {
            requireUrl(action.openUrl().url(), kindPath.field("url"), violations);
        } else if (action.openUrlInWebview() != null) {
            requireUrl(action.openUrlInWebview().url(), kindPath.field("url"), violations);
            checkOneOf(action.openUrlInWebview().viewMode(), WebviewMode.values(), kindPath.field("view_mode"),
                    violations);
        } else if (action.viewLocation() != null) {
            validateLocation(action.viewLocation(), kindPath, violations);
        } else if (action.createCalendarEvent() != null) {
            validateEvent(action.createCalendarEvent(), kindPath, violations);
        }
    }

    private void validateChip(String text, String postbackData, FieldPath path, Violations violations) {
        if (isBlank(text)) {
            violations.add(path.field("text"), "is required");
        } else if (length(text) > MAX_CHIP_TEXT) {
            violations.add(path.field("text"), "must be at most " + MAX_CHIP_TEXT + " characters");
        }
        if (postbackData == null) {
            return;
        }
        if (postbackData.length() > MAX_POSTBACK) {
            violations.add(path.field("postback_data"), "must be at most " + MAX_POSTBACK + " characters");
        } else if (decodePostback(postbackData) == null) {
            violations.add(path.field("postback_data"), "must be base64-encoded UTF-8 text");
        }
    }

    private void validateLocation(V1SendRequest.ViewLocation location, FieldPath path, Violations violations) {
        V1SendRequest.LatLong latLong = location.latLong();
        if (latLong == null) {
            violations.add(path.field("lat_long"), "is required");
            return;
        }
        if (latLong.latitude() == null || latLong.latitude() < -90 || latLong.latitude() > 90) {
            violations.add(path.field("lat_long").field("latitude"), "must be a number between -90 and 90");
        }
        if (latLong.longitude() == null || latLong.longitude() < -180 || latLong.longitude() > 180) {
            violations.add(path.field("lat_long").field("longitude"), "must be a number between -180 and 180");
        }
    }

    private void validateEvent(V1SendRequest.CalendarEvent event, FieldPath path, Violations violations) {
        boolean validStart = Checks.isOffsetDateTime(event.startTime());
        boolean validEnd = Checks.isOffsetDateTime(event.endTime());
        if (!validStart) {
            violations.add(path.field("start_time"), "must be an ISO-8601 date-time with an offset");
        }
        if (!validEnd) {
            violations.add(path.field("end_time"), "must be an ISO-8601 date-time with an offset");
        }
        if (validStart && validEnd
                && !OffsetDateTime.parse(event.endTime()).isAfter(OffsetDateTime.parse(event.startTime()))) {
            violations.add(path.field("end_time"), "must be after start_time");
        }
        if (isBlank(event.title())) {
            violations.add(path.field("title"), "is required");
        } else if (length(event.title()) > MAX_EVENT_TITLE) {
            violations.add(path.field("title"), "must be at most " + MAX_EVENT_TITLE + " characters");
        }
        if (length(event.description()) > MAX_EVENT_DESCRIPTION) {
            violations.add(path.field("description"), "must be at most " + MAX_EVENT_DESCRIPTION + " characters");
        }
    }

    private static void requireUrl(String url, FieldPath path, Violations violations) {
        if (!Checks.isHttpUrl(url)) {
            violations.add(path, "must be an http or https URL");
        }
    }

    private static List<String> actionKinds(V1SendRequest.Action action) {
        List<String> kinds = new ArrayList<>();
        if (action.dial() != null) {
            kinds.add("dial");
        }
        if (action.openUrl() != null) {
            kinds.add("open_url");
        }
        if (action.openUrlInWebview() != null) {
            kinds.add("open_url_in_webview");
        }
        if (action.viewLocation() != null) {
            kinds.add("view_location");
        }
        if (action.shareLocation() != null) {
            kinds.add("share_location");
        }
        if (action.createCalendarEvent() != null) {
            kinds.add("create_calendar_event");
        }
        return kinds;
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

    private static String names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return String.join(", ", names);
    }
}
