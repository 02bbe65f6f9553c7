package io.switchboard.dialect.v5;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of v5 {@code POST /v5/messages} (seed 004): what a v5 client sends the hub, and what the hub sends a v5
 * carrier. Which fields apply depends on {@code messageType}; enumerations stay strings so validation can name
 * every bad value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record V5Message(
        String messageType,
        String source,
        String destination,
        String messageText,
        String mediaUrl,
        String thumbnailUrl,
        String filenameOverride,
        String title,
        String description,
        String height,
        List<Choice> choices,
        List<Card> cards,
        SmsFailover smsFailover,
        MmsFailover mmsFailover,
        String callbackURL) {

    /** The card of an {@code RCS_CARD}, whose card fields sit at the top level of the message. */
    public Card standaloneCard() {
        return new Card(title, description, height, mediaUrl, thumbnailUrl, filenameOverride, choices);
    }

    /** A choice (chip or card button); {@code type} decides which of the other fields are required. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(String type, String title, String postbackData, String url, String application,
            String webviewViewMode, String phoneNumber, Double latitude, Double longitude, String label,
            String startTime, String endTime, String eventTitle, String description) {
    }

    /** One card of an {@code RCS_CAROUSEL}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String title, String description, String height, String mediaUrl, String thumbnailUrl,
            String filenameOverride, List<Choice> choices) {
    }

    /** What both failovers have, so one rule checks them. */
    public interface Failover {

        Boolean enabled();

        String failoverSource();

        String fallbackText();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SmsFailover(Boolean enabled, String failoverSource, String fallbackText) implements Failover {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MmsFailover(Boolean enabled, String failoverSource, String fallbackText, String mediaUrl,
            String subject) implements Failover {
    }
}
