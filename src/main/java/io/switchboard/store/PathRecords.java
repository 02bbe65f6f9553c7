package io.switchboard.store;

/**
 * Where the carrier calls and webhook attempts of messages' paths go as they happen: {@link PathRecorder}, which
 * never makes the caller wait.
 */
@FunctionalInterface
public interface PathRecords {

    /** Takes the record for writing later, or drops it; returns at once. */
    void record(Record record);

    /** A record of a message's path. */
    sealed interface Record permits CarrierCallRecord, WebhookAttemptRecord {
    }
}
