package io.switchboard.dialect.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldPath;
import io.switchboard.callback.StatusCallbackReader;
import io.switchboard.camel.Variables;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.store.Leg;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code v1:callback} (a v1 carrier's webhook, {@code {"id", "event", "timestamp", "data": {...}}}, parsed to a tree)
 * to {@code canonical:delivery-event}.
 *
 * <p>Read leniently: the status comes from the event name ({@code message.delivered}) or, failing that, from
 * {@code data.status} in either case ({@code delivered}, {@code DELIVERED}); the message id from
 * {@code data.message_id} or {@code data.id}; the time from {@code data.<status>_at}, else the envelope's
 * {@code timestamp}. {@code dispatched} and {@code sent} (not in the published catalogue, but in v1's lifecycle and
 * its status timeline) mean sent; a revoke at the carrier, which the hub never asks for, is a failure. Conversation,
 * email and unknown events report no message status: the callback route acknowledges them and publishes nothing.
 *
 * <p>Needs from the exchange: the variable {@value Variables#LEG}, the leg the message id belongs to.
 */
@Component("v1CallbackToDeliveryEvent")
@DataTypeTransformer(fromType = "v1:callback", toType = "canonical:delivery-event",
        description = "A v1 carrier webhook to a normalized delivery event")
public class V1CallbackToDeliveryEvent extends StatusCallbackReader {

    private static final String MESSAGE_EVENTS = "message.";
    /** Where the webhook names the carrier's message id, for a refusal. */
    private static final FieldPath MESSAGE_ID_FIELD = FieldPath.of("data").field("message_id");
    static final String REVOKED_REASON = "The carrier revoked the message";

    private static final Map<String, EventType> STATUSES = Map.of(
            "dispatched", EventType.SENT, "sent", EventType.SENT,
            "delivered", EventType.DELIVERED, "read", EventType.READ,
            "failed", EventType.FAILED, "revoked", EventType.FAILED,
            "expired", EventType.EXPIRED);
    private static final List<String> REASON_FIELDS = List.of("failure_reason", "error_message", "reason",
            "error_code");

    public V1CallbackToDeliveryEvent(Clock clock) {
        super(clock, STATUSES, MESSAGE_ID_FIELD);
    }

    @Override
    protected Optional<Instant> occurredAt(JsonNode callback, EventType type, String status) {
        return text(callback.path("data"), status + "_at").or(() -> text(callback, "timestamp"))
                .flatMap(StatusCallbackReader::isoInstant);
    }

    @Override
    protected String reason(JsonNode callback, EventType type, String status) {
        if ("revoked".equals(status)) {
            return REVOKED_REASON;
        }
        if (type == EventType.FAILED || type == EventType.EXPIRED) {
            return REASON_FIELDS.stream().map(name -> text(callback.path("data"), name)).flatMap(Optional::stream)
                    .findFirst().orElse(null);
        }
        return null;
    }

    /**
     * The lower-case status word the hub maps, from a {@code message.*} event's name, else from its
     * {@code data.status}; events of other families (conversation, email) have none.
     */
    @Override
    protected Optional<String> status(JsonNode callback) {
        Optional<String> event = text(callback, "event").or(() -> text(callback, "type"))
                .map(name -> name.toLowerCase(Locale.ROOT));
        if (event.isPresent() && !event.get().startsWith(MESSAGE_EVENTS)) {
            return Optional.empty();
        }
        return event.map(name -> name.substring(MESSAGE_EVENTS.length())).filter(this::recorded)
                .or(() -> text(callback.path("data"), "status").map(word -> word.toLowerCase(Locale.ROOT))
                        .filter(this::recorded));
    }

    @Override
    protected Optional<String> messageId(JsonNode callback) {
        JsonNode data = callback.path("data");
        return text(data, "message_id").or(() -> text(data, "id")).or(() -> text(callback, "message_id"));
    }
}
