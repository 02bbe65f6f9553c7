package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.net.URI;
import java.time.OffsetDateTime;

/**
 * A tappable chip or card button. Every variant has the label the user sees and the postback data the carrier
 * returns when it is tapped (plain text; dialects that encode it, such as v1's base64, decode at their edge).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Suggestion.Reply.class, name = "reply"),
    @JsonSubTypes.Type(value = Suggestion.OpenUrl.class, name = "open_url"),
    @JsonSubTypes.Type(value = Suggestion.Dial.class, name = "dial"),
    @JsonSubTypes.Type(value = Suggestion.ShowLocation.class, name = "show_location"),
    @JsonSubTypes.Type(value = Suggestion.RequestLocation.class, name = "request_location"),
    @JsonSubTypes.Type(value = Suggestion.CreateCalendarEvent.class, name = "create_calendar_event")
})
public sealed interface Suggestion {

    String text();

    String postbackData();

    /** A reply chip: tapping it sends the text back as the user's answer. */
    record Reply(String text, String postbackData) implements Suggestion {
    }

    /**
     * Opens a URL.
     *
     * @param target      browser, or an in-app webview
     * @param webviewMode size of the webview; null when the target is the browser and no mode was given
     */
    record OpenUrl(String text, String postbackData, URI url, UrlTarget target, WebviewMode webviewMode)
            implements Suggestion {
    }

    /** Starts a phone call to the number. */
    record Dial(String text, String postbackData, String phoneNumber) implements Suggestion {
    }

    /** Shows a point on a map, with an optional label. */
    record ShowLocation(String text, String postbackData, double latitude, double longitude, String label)
            implements Suggestion {
    }

    /** Asks the user to share their location. */
    record RequestLocation(String text, String postbackData) implements Suggestion {
    }

    /** Offers to add an event to the user's calendar. */
    record CreateCalendarEvent(String text, String postbackData, OffsetDateTime start, OffsetDateTime end,
            String title, String description) implements Suggestion {
    }

    enum UrlTarget {
        BROWSER,
        WEBVIEW
    }

    enum WebviewMode {
        FULL,
        HALF,
        TALL
    }
}
