package io.switchboard.sandbox;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;

/**
 * What a sandbox user answers: text, a tap on a suggestion (its text and postback data), a shared location, and
 * whether they type first. An operator asks for one at {@code POST /sandbox/users/{number}/replies}; a {@code …07}
 * recipient answers {@link #answering} by itself.
 *
 * @param typing whether the user types first, where the dialect reports typing; alone, the user only types
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SandboxReply(String text, String postbackData, Double latitude, Double longitude, Boolean typing) {

    static final String DEFAULT_TEXT = "Yes";

    /** The {@code …07} user's answer: a tap on the message's suggestion, else {@value #DEFAULT_TEXT}; typing first. */
    static SandboxReply answering(SandboxLedger.LastMessage message) {
        SandboxLedger.Suggested suggestion = message.suggestion();
        return suggestion == null ? new SandboxReply(DEFAULT_TEXT, null, null, null, true)
                : new SandboxReply(suggestion.text(), suggestion.postbackData(), null, null, true);
    }

    /** What makes the reply unplayable, or null: nothing to send, or half a location. */
    String problem() {
        if ((latitude == null) != (longitude == null)) {
            return "Give both latitude and longitude, or neither.";
        }
        if (!hasMessage() && !typesFirst()) {
            return "Give text, postback_data, latitude and longitude, or typing: true.";
        }
        return null;
    }

    /** Whether the user sends something, beyond typing. */
    boolean hasMessage() {
        return isGiven(text) || isGiven(postbackData) || isLocation();
    }

    boolean typesFirst() {
        return Boolean.TRUE.equals(typing);
    }

    boolean isTap() {
        return isGiven(postbackData);
    }

    boolean isLocation() {
        return latitude != null && longitude != null;
    }

    /** The reply as an SMS carries it: the text, else the tapped suggestion's postback data, else a geo URI. */
    String asText() {
        if (isGiven(text)) {
            return text;
        }
        return isTap() ? postbackData : String.format(Locale.ROOT, "geo:%s,%s", latitude, longitude);
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isBlank();
    }
}
