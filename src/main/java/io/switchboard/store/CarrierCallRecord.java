package io.switchboard.store;

import java.time.Instant;

/**
 * One call to a carrier about a leg, for the message's path.
 *
 * @param outcome    {@code accepted}, {@code retry} or {@code refused} as the hub read the carrier's answer, or
 *                   {@code unreachable} when no answer came
 * @param httpStatus the carrier's HTTP status; null without an answer
 * @param cause      why it was not accepted, or null
 */
public record CarrierCallRecord(String messageId, int legNumber, String carrierId, Instant at, long durationMs,
        String outcome, Integer httpStatus, String cause) implements PathRecords.Record {
}
