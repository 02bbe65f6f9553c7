package io.switchboard.dialect.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The body of {@code POST /v1/messages}, as the client wrote it. Enumerations stay strings here so the validator
 * can report every unknown value with its field path at once.
 *
 * <p>The hub also writes it, as the request to a v1 carrier ({@link CanonicalToV1Message}); absent fields are left
 * out. RCS sends name an {@code agent_id}, SMS sends a {@code channel_id}. Only the inner shape of {@code open_url} is
 * published; the other action shapes are Switchboard's choice, documented in {@code docs/dialects/v1.md}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record V1SendRequest(String to, String agentId, String channelId, String messageType, String trafficType,
        String ttl, Content content) {

    /** Text (with chips) or a rich card, with optional message-level chips. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Content(String text, List<Suggestion> suggestions, RichCard richCard) {
    }

    /** Exactly one of {@code standalone} and {@code carousel}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RichCard(Standalone standalone, Carousel carousel) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Standalone(String orientation, String thumbnailImageAlignment, Card content) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Carousel(String cardWidth, List<Card> cards) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String title, String description, Media media, List<Suggestion> suggestions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Media(String url, String thumbnailUrl, String height) {
    }

    /** Exactly one of {@code reply} and {@code action}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(Reply reply, Action action) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reply(String text, String postbackData) {
    }

    /** {@code text} and {@code postback_data} plus exactly one of the action objects. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Action(String text, String postbackData, String fallbackUrl, Dial dial, OpenUrl openUrl,
            OpenUrl openUrlInWebview, ViewLocation viewLocation, ShareLocation shareLocation,
            CalendarEvent createCalendarEvent) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Dial(String phoneNumber) {
    }

    /** {@code view_mode} (FULL, HALF, TALL) only applies to {@code open_url_in_webview}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OpenUrl(String url, String viewMode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ViewLocation(LatLong latLong, String label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LatLong(Double latitude, Double longitude) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShareLocation() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CalendarEvent(String startTime, String endTime, String title, String description) {
    }
}
