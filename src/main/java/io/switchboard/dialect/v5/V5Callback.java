package io.switchboard.dialect.v5;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The delivery callback a v5 carrier posts to {@code callbackURL}. v5 publishes none; this is the shape Switchboard
 * defines ({@code docs/dialects/v5.md}), and what its v5 sandbox posts. The hub reads callbacks leniently
 * ({@link V5CallbackToDeliveryEvent}), so carriers that differ in field names or status words still work.
 *
 * <p>The hub posts the same shape to the {@code callbackURL} its own v5 clients give ({@link V5WebhookPayloads}), with
 * the event's place in the message's timeline as {@code sequence}.
 *
 * @param status     SENT, DELIVERED, READ, FAILED or EXPIRED (and, from the hub, QUEUED, FAILOVER and REVOKED)
 * @param statusCode the v4 numeric code for the status, such as 40001 for delivered
 * @param sequence   in the hub's posts only: the event's place in its message's timeline, from 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record V5Callback(String messageGUID, String source, String destination, String messageType, String status,
        Integer statusCode, Instant timestamp, String errorCode, String errorMessage, Long sequence) {

    /** A carrier's callback, which has no sequence. */
    public V5Callback(String messageGUID, String source, String destination, String messageType, String status,
            Integer statusCode, Instant timestamp, String errorCode, String errorMessage) {
        this(messageGUID, source, destination, messageType, status, statusCode, timestamp, errorCode, errorMessage,
                null);
    }
}
