package io.switchboard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.tracing.TraceParent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A message on its way into the store, serialized once: the same JSON is its stored body and its outbound queue
 * message; and its first event, {@code message.queued}, the first in its timeline, published as it is queued.
 *
 * @param json        the canonical message as JSON
 * @param fingerprint what the client asked for, for a message with an idempotency key; null without one
 * @param traceParent the W3C {@code traceparent} of the span that accepted it, which its queue message and queued
 *                    event carry on; null when there was none
 */
public record Submission(Message message, String json, String fingerprint, DeliveryEvent queued,
        String traceParent) {

    /** A message to record outside any trace (a repair, a replay's copy). */
    public static Submission of(Message message, ObjectMapper mapper) {
        return of(message, mapper, null);
    }

    public static Submission of(Message message, ObjectMapper mapper, String traceParent) {
        try {
            return new Submission(message, mapper.writeValueAsString(message),
                    message.idempotencyKey() == null ? null : fingerprint(message, mapper), queued(message),
                    TraceParent.traceId(traceParent) == null ? null : traceParent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A canonical message always serializes", e);
        }
    }

    /** The trace the message's spans belong to, or null. */
    public String traceId() {
        return TraceParent.traceId(traceParent);
    }

    private static DeliveryEvent queued(Message message) {
        return new DeliveryEvent(Ids.eventId(), EventType.QUEUED, message.createdAt(), message.id(),
                message.tenantId(), null, null, message.channel(), null, Envelope.of(message)).inSequence(1);
    }

    /** The request a message stands for, without what the hub added: same request, same fingerprint. */
    private static String fingerprint(Message message, ObjectMapper mapper) throws JsonProcessingException {
        ObjectNode request = mapper.valueToTree(message);
        request.remove("id");
        request.remove("createdAt");
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether a message recorded under the same idempotency key stands for the same request. */
    boolean sameRequestAs(String recordedFingerprint) {
        return fingerprint != null && fingerprint.equals(recordedFingerprint);
    }
}
