package io.switchboard.store;

import java.time.Instant;

/**
 * One post of an event to a webhook target, for the message's path.
 *
 * @param target     the subscription's id, or {@code callback:<dialect>:<tenant>} for a message's own status callback
 * @param attempt    the attempt's number for this event and target, from 1
 * @param outcome    {@code delivered} (a 2xx) or {@code failed}
 * @param httpStatus the subscriber's HTTP status; null without an answer
 * @param cause      why it failed, or null
 */
public record WebhookAttemptRecord(String messageId, String eventId, String target, int attempt, Instant at,
        long durationMs, String outcome, Integer httpStatus, String cause) implements PathRecords.Record {
}
