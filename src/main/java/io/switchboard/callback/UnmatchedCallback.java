package io.switchboard.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.model.Dialect;
import java.time.Instant;
import java.util.List;

/**
 * A verified carrier callback about a message no leg of the hub has yet: the carrier called back before the dispatch
 * that sent the message stored the carrier's id. It waits, as JSON, on the broker queue
 * {@code switchboard.broker.callbacks-unmatched} until its leg is known (routes/callbacks-unmatched.camel.yaml).
 *
 * @param dialect          the carrier dialect, whose reader ({@code <dialect>:callback}) turns it into an event
 * @param carrierIds       the carriers that may have sent the message: the one whose signature proved the callback,
 *                         or every Channels carrier whose signing key did
 * @param carrierMessageId the carrier's id for the message
 * @param legId            the leg the callback names itself (a Channels {@code reference}), else null
 * @param callback         what the dialect's reader reads: the callback parsed to a tree (Channels: its message
 *                         resource)
 * @param receivedAt       when the hub took the callback, for an operator reading a dead letter
 */
public record UnmatchedCallback(Dialect dialect, List<String> carrierIds, String carrierMessageId, String legId,
        JsonNode callback, Instant receivedAt) {

    /** The data type of {@link #callback}, which the dialect's reader turns into {@code canonical:delivery-event}. */
    public String callbackType() {
        return dialect.id() + ":callback";
    }

    /** The carriers that may have sent the message, as a dead letter's reason names them. */
    public String carrierNames() {
        return String.join(", ", carrierIds);
    }
}
