package io.switchboard.dialect.pinnacle;

import io.switchboard.api.ApiException;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.pricing.Prices;
import io.switchboard.sms.Segmentation;
import io.switchboard.sms.SmsSegments;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Pinnacle answers to a send (FORMATS.md §1.6) and the error bodies of every Pinnacle endpoint (§1.9). */
@Component("pinnacleResponses")
public class PinnacleResponses {

    /** A send is answered once the message is durably queued. */
    static final String QUEUED = "queued";

    private final Prices prices;

    public PinnacleResponses(Prices prices) {
        this.prices = prices;
    }

    /** {@link SentSms}, or {@link Scheduled} for a scheduled send. */
    public Object sms(Message message) {
        if (message.sendAt() != null) {
            return scheduled(message);
        }
        SmsSegments segments = Segmentation.forSending(((SmsContent) message.content()).text());
        return new SentSms(message.id(), new SegmentCount(segments.count(), segments.encoding().id()),
                prices.sms(segments), message.sender(), message.recipient(), QUEUED);
    }

    /** {@link SentMms} for the messages an MMS send became, or {@link Scheduled} (with the first one's id). */
    public Object mms(List<Message> messages) {
        Message first = messages.get(0);
        if (first.sendAt() != null) {
            return scheduled(first);
        }
        return new SentMms(messages.stream().map(Message::id).toList(), messages.size(), prices.mms(messages.size()),
                first.sender(), first.recipient(), QUEUED);
    }

    /** {@link SentRcs}, or {@link Scheduled} for a scheduled send. */
    public Object rcs(Message message) {
        if (message.sendAt() != null) {
            return scheduled(message);
        }
        return new SentRcs(message.id(), 1, prices.rcs(1), message.sender(), message.recipient(), QUEUED);
    }

    /**
     * The schedule as the client gave it: {@code sendAt} local to the schedule's zone. The schedule id is the hub
     * message id, so {@code GET /messages/{id}} finds the scheduled message.
     */
    private static Scheduled scheduled(Message message) {
        ZoneId zone = ZoneId.of(message.metadata().get(PinnacleToCanonical.SCHEDULE_TIMEZONE));
        return new Scheduled(message.id(), new ScheduleConfig(PinnacleTimes.local(message.sendAt(), zone),
                message.metadata().get(PinnacleToCanonical.SCHEDULE_RECURRENCE), zone.getId(),
                message.metadata().get(PinnacleToCanonical.SCHEDULE_END_DATE)));
    }

    /** A 400 with field errors is a Zod error; every other refusal is {@code {"error": "<text>"}}. */
    public Object error(ApiException exception) {
        if (exception.getStatus() == 400) {
            return new ZodError(exception.getMessage(), ZodTree.of(exception.getErrors()));
        }
        return new Error(exception.getMessage());
    }

    /** For failures that are the hub's fault; says nothing about the cause, which goes to the log. */
    public Error internalError() {
        return new Error("The hub could not process this request.");
    }

    public record SentSms(String messageId, SegmentCount segments, BigDecimal totalCost, String sender,
            String recipient, String status) {
    }

    /** @param encoding {@code gsm7} or {@code utf16} */
    public record SegmentCount(int count, String encoding) {
    }

    public record SentMms(List<String> messageIds, int segments, BigDecimal totalCost, String sender,
            String recipient, String status) {
    }

    public record SentRcs(String messageId, int segments, BigDecimal totalCost, String sender, String recipient,
            String status) {
    }

    public record Scheduled(String scheduleId, ScheduleConfig config) {
    }

    /** Every key is present; {@code recurrence} and {@code endDate} are null for a one-off schedule. */
    public record ScheduleConfig(String sendAt, String recurrence, String timezone, String endDate) {
    }

    public record Error(String error) {
    }

    public record ZodError(String description, ZodTree errors) {
    }
}
