package io.switchboard.dialect.pinnacle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The Pinnacle request bodies, as the client wrote them (FORMATS.md §1.3 to §1.7). Field names are camelCase except
 * {@code multiple_messages} and {@code image_alignment}, as on Pinnacle's wire. Enumerations stay strings so the
 * validator can report every unknown value with its path at once.
 */
public final class PinnacleWire {

    private PinnacleWire() {
    }

    /** What the options of every send have. */
    public interface SendOptions {

        Schedule schedule();

        /** {@code ID} or {@code HIDDEN}. */
        String tracking();
    }

    /** {@code POST /messages/send/sms}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SmsSend(String from, String to, String text, SmsOptions options) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SmsOptions(Schedule schedule, String tracking) implements SendOptions {
    }

    /** {@code POST /messages/send/mms}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MmsSend(String from, String to, String text, List<String> mediaUrls, MmsOptions options) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MmsOptions(@JsonProperty("multiple_messages") Boolean multipleMessages, Boolean validate,
            Schedule schedule, String tracking) implements SendOptions {
    }

    /**
     * {@code POST /messages/send/rcs}: exactly one of {@code text}, {@code media} (a URL) and {@code cards}. The
     * body of {@code POST /messages/validate/rcs} is the same without {@code from}, {@code to}, {@code fallback} and
     * {@code options}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RcsSend(String from, String to, String text, String media, List<Card> cards,
            List<Button> quickReplies, Fallback fallback, RcsOptions options) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RcsOptions(Schedule schedule, String tracking, Boolean transcode, Boolean validate,
            @JsonProperty("standalone_card") StandaloneCard standaloneCard) implements SendOptions {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandaloneCard(String orientation, @JsonProperty("image_alignment") String imageAlignment) {
    }

    /**
     * {@code sendAt} and {@code endDate} are ISO date-times, with an offset or local to {@code timezone} (an IANA
     * zone, UTC when absent); {@code recurrence} is an AWS cron expression with six fields.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(String sendAt, String recurrence, String timezone, String endDate) {

        /** {@code "schedule": {}}, as in Pinnacle's own MMS example, schedules nothing: the message goes now. */
        @JsonIgnore
        public boolean isEmpty() {
            return sendAt == null && recurrence == null && timezone == null && endDate == null;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String title, String subtitle, String media, List<Button> buttons) {
    }

    /**
     * A quick reply or card button; {@code type} says which of the other fields apply: {@code openUrl} (payload URL,
     * webviewMode), {@code call} (payload number), {@code trigger} (payload), {@code requestUserLocation},
     * {@code scheduleEvent} (event fields), {@code sendLocation} (latLong, name).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Button(String type, String title, String payload, String metadata, String webviewMode,
            String eventTitle, String eventStartTime, String eventEndTime, String eventDescription, LatLong latLong,
            String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LatLong(Double lat, Double lng) {
    }

    /** Sent as SMS or MMS when the recipient cannot get RCS; at least one of {@code text} and {@code mediaUrls}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fallback(String from, String text, List<String> mediaUrls) {
    }

    /** {@code POST /messages/validate/sms}; also the SMS content {@code GET /messages/{id}} shows. */
    public record SmsContent(String text) {
    }

    /** {@code POST /messages/validate/mms}; also the MMS content {@code GET /messages/{id}} shows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MmsContent(List<String> mediaUrls, String text) {
    }
}
