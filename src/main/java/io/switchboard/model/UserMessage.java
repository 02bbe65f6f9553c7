package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * What a user sent to a business sender, normalized from whichever carrier reported it.
 *
 * @param kind         what the user did
 * @param text         what the user wrote, or the tapped suggestion's text; null when there is none
 * @param postbackData the tapped suggestion's postback data, as the hub's message gave it; null for other kinds
 * @param location     the shared place, for {@link Kind#LOCATION}
 * @param media        the files the user sent, for {@link Kind#MEDIA}; empty otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UserMessage(Kind kind, String text, String postbackData, UserLocation location, List<URI> media) {

    public UserMessage {
        media = media == null ? List.of() : List.copyOf(media);
    }

    public static UserMessage text(String text) {
        return new UserMessage(Kind.TEXT, text, null, null, List.of());
    }

    public static UserMessage suggestion(String text, String postbackData) {
        return new UserMessage(Kind.SUGGESTION, text, postbackData, null, List.of());
    }

    public static UserMessage location(UserLocation location, String text) {
        return new UserMessage(Kind.LOCATION, text, null, location, List.of());
    }

    public static UserMessage media(List<URI> media, String text) {
        return new UserMessage(Kind.MEDIA, text, null, null, media);
    }

    public enum Kind {
        /** Free text. */
        TEXT,
        /** A tap on a suggested reply or action of the hub's message. */
        SUGGESTION,
        /** A shared location. */
        LOCATION,
        /** Pictures or other files, with or without text. */
        MEDIA
    }
}
