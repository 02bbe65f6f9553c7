package io.switchboard.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldPath;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import io.switchboard.store.Leg;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A reader of callbacks that report a message's status as a word of the dialect (v1's {@code delivered}, Pinnacle's
 * {@code DELIVERED}): the word gives the event type, and the callback names the carrier's message id, when it happened
 * and, for a failure, why. A callback without a status word the hub maps reports nothing.
 */
public abstract class StatusCallbackReader extends CarrierCallbackReader {

    private final Map<String, EventType> statuses;
    private final FieldPath messageIdField;

    /**
     * @param statuses       the status words the hub records, as {@link #status} returns them, and their events
     * @param messageIdField where the callback names the carrier's message id, for a refusal
     */
    protected StatusCallbackReader(Clock clock, Map<String, EventType> statuses, FieldPath messageIdField) {
        super(clock);
        this.statuses = Map.copyOf(statuses);
        this.messageIdField = messageIdField;
    }

    /** The carrier's message id of a callback that reports a status the hub records, else null. */
    public String messageIdOfStatus(JsonNode callback) {
        return status(callback).isPresent()
                ? CallbackLegs.storable(messageIdField, messageId(callback).orElse(null)) : null;
    }

    @Override
    public Optional<DeliveryEvent> toEvent(JsonNode callback, Leg leg) {
        return status(callback).map(status -> {
            EventType type = statuses.get(status);
            return leg.event(type, occurredAt(callback, type, status).orElseGet(clock::instant),
                    messageId(callback).orElse(leg.carrierMessageId()), reason(callback, type, status));
        });
    }

    /** True when the hub records this status word. */
    protected boolean recorded(String status) {
        return statuses.containsKey(status);
    }

    /** The status word of a callback that reports one the hub records, else empty. */
    protected abstract Optional<String> status(JsonNode callback);

    /** The carrier's message id the callback names. */
    protected abstract Optional<String> messageId(JsonNode callback);

    /** When the status happened, as the callback says; empty for when the hub saw it. */
    protected abstract Optional<Instant> occurredAt(JsonNode callback, EventType type, String status);

    /** Why, for a failure or a failover; null otherwise. */
    protected abstract String reason(JsonNode callback, EventType type, String status);
}
