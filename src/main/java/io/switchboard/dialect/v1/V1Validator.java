package io.switchboard.dialect.v1;

import static io.switchboard.api.Checks.isBlank;
import static io.switchboard.api.Checks.length;

import io.switchboard.api.Checks;
import io.switchboard.api.FieldPath;
import io.switchboard.api.Violations;
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
    static final int MAX_AGENT_ID = 64;
    static final int MAX_TEXT = 3072;
    static final int MAX_CHIPS = 11;
    static final int MAX_CHIP_TEXT = 25;
    static final int MAX_POSTBACK = 2048;
    static final int MAX_EVENT_TITLE = 100;
    static final int MAX_EVENT_DESCRIPTION = 500;

    private static final Pattern TTL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?s");

    public enum MessageType { MESSAGE, CONVERSATION, NEWSLETTER }

    public enum TrafficType { AUTHENTICATION, TRANSACTION, PROMOTION, SERVICEREQUEST, ACKNOWLEDGEMENT }

    enum WebviewMode { FULL, HALF, TALL }

    public void validate(V1SendRequest request) {
        Violations violations = new Violations();
        if (isBlank(request.to())) {
            violations.add(FieldPath.of("to"), "is required");
        } else if (!Checks.isE164(request.to())) {
            violations.add(FieldPath.of("to"), "must be an E.164 phone number such as +4917612345678");
        }
        if (isBlank(request.agentId())) {
            violations.add(FieldPath.of("agent_id"), "is required");
        } else if (length(request.agentId()) > MAX_AGENT_ID) {
            violations.add(FieldPath.of("agent_id"), "must be at most " + MAX_AGENT_ID + " characters");
        }
        if (request.messageType() != null && !Checks.isOneOf(request.messageType(), MessageType.values())) {
            violations.add(FieldPath.of("message_type"), "must be one of " + names(MessageType.values()));
        }
        if (isBlank(request.trafficType())) {
            violations.add(FieldPath.of("traffic_type"), "is required");
        } else if (!Checks.isOneOf(request.trafficType(), TrafficType.values())) {
            violations.add(FieldPath.of("traffic_type"), "must be one of " + names(TrafficType.values()));
        }
        if (request.ttl() != null && !TTL.matcher(request.ttl()).matches()) {
            violations.add(FieldPath.of("ttl"), "must be a duration in seconds such as \"3600s\"");
        }
        if (request.content() == null) {
            violations.add(FieldPath.of("content"), "is required");
        } else {
            validateContent(request.content(), FieldPath.of("content"), violations);
        }
        violations.throwIfAny();
    }

    private void validateContent(V1SendRequest.Content content, FieldPath path, Violations violations) {
        if (isBlank(content.text())) {
            violations.add(path.field("text"), "is required");
        } else if (length(content.text()) > MAX_TEXT) {
            violations.add(path.field("text"), "must be at most " + MAX_TEXT + " characters");
        }
        List<V1SendRequest.Suggestion> suggestions = content.suggestions() == null ? List.of() : content.suggestions();
        if (suggestions.size() > MAX_CHIPS) {
            violations.add(path.field("suggestions"), "must have at most " + MAX_CHIPS + " suggestions");
        }
        for (int i = 0; i < suggestions.size(); i++) {
            validateSuggestion(suggestions.get(i), path.field("suggestions").index(i), violations);
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
            if (!Checks.isE164(action.dial().phoneNumber())) {
                violations.add(kindPath.field("phone_number"), "must be an E.164 phone number");
            }
        } else if (action.openUrl() != null) {
            requireUrl(action.openUrl().url(), kindPath.field("url"), violations);
        } else if (action.openUrlInWebview() != null) {
            requireUrl(action.openUrlInWebview().url(), kindPath.field("url"), violations);
            String mode = action.openUrlInWebview().viewMode();
            if (mode != null && !Checks.isOneOf(mode, WebviewMode.values())) {
                violations.add(kindPath.field("view_mode"), "must be one of " + names(WebviewMode.values()));
            }
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
