package io.switchboard.dialect.pinnacle;

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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code pinnacle:callback} (a Pinnacle {@code MessageEvent} webhook, {@code FORMATS.md} §1.10, parsed to a tree) to
 * {@code canonical:delivery-event}.
 *
 * <p>Read leniently: a {@code MESSAGE.STATUS} event (or one with no {@code type} but a {@code status}) in either case;
 * the message id from {@code originalMessageId} (a fallback's statuses name the RCS message, the leg, there), else
 * {@code message.id}, else a top-level {@code messageId}; the time from {@code deliveredAt} for a delivery and
 * {@code sentAt} for a send or fallback (UTC when it has no offset), else when the hub saw it.
 *
 * <p>{@code SENT} is sent, {@code DELIVERED} delivered, {@code READ} read, {@code SEND_FAILED} and
 * {@code DELIVERY_FAILED} failed, {@code FALLBACK_SENT} a failover (Pinnacle sent the {@code fallback} the hub gave
 * it, failover mode {@code carrier}). {@code QUEUED} and {@code PENDING} report nothing new, and inbound messages,
 * typing and other event types are not about a sent message: the callback route acknowledges them and publishes
 * nothing.
 *
 * <p>Needs from the exchange: the variable {@value Variables#LEG}, the leg the message id belongs to.
 */
@Component("pinnacleCallbackToDeliveryEvent")
@DataTypeTransformer(fromType = "pinnacle:callback", toType = "canonical:delivery-event",
        description = "A Pinnacle message status webhook to a normalized delivery event")
public class PinnacleCallbackToDeliveryEvent extends StatusCallbackReader {

    private static final String STATUS_EVENT = "MESSAGE.STATUS";
    /** Where the webhook names the carrier's message id, for a refusal. */
    private static final FieldPath MESSAGE_ID_FIELD = FieldPath.of("messageId");
    private static final Map<String, EventType> STATUSES = Map.of(
            "SENT", EventType.SENT, "DELIVERED", EventType.DELIVERED, "READ", EventType.READ,
            "SEND_FAILED", EventType.FAILED, "DELIVERY_FAILED", EventType.FAILED,
            "FALLBACK_SENT", EventType.FAILOVER);
    private static final List<String> REASON_FIELDS = List.of("error", "errorMessage", "reason");
    static final String UNKNOWN_FAILURE = "Pinnacle reported %s without a reason";

    public PinnacleCallbackToDeliveryEvent(Clock clock) {
        super(clock, STATUSES, MESSAGE_ID_FIELD);
    }

    @Override
    protected Optional<Instant> occurredAt(JsonNode callback, EventType type, String status) {
        Optional<String> at = switch (type) {
            case DELIVERED -> text(callback, "deliveredAt");
            case SENT, FAILOVER -> text(callback, "sentAt");
            default -> Optional.empty();
        };
        return at.flatMap(time -> PinnacleTimes.instant(time, ZoneOffset.UTC));
    }

    @Override
    protected String reason(JsonNode callback, EventType type, String status) {
        if (type == EventType.FAILOVER) {
            return carrierFailover(text(callback.path("fallbackMessage"), "type"));
        }
        if (type != EventType.FAILED) {
            return null;
        }
        return REASON_FIELDS.stream()
                .map(name -> text(callback, name).or(() -> text(callback.path("message"), name)))
                .flatMap(Optional::stream).findFirst().orElse(UNKNOWN_FAILURE.formatted(status));
    }

    /** The upper-case status of a status event that the hub maps, else empty. */
    @Override
    protected Optional<String> status(JsonNode callback) {
        Optional<String> type = text(callback, "type").map(name -> name.toUpperCase(Locale.ROOT));
        if (type.isPresent() && !type.get().equals(STATUS_EVENT)) {
            return Optional.empty();
        }
        return text(callback, "status").map(word -> word.toUpperCase(Locale.ROOT)).filter(this::recorded);
    }

    /** The RCS message a fallback's SMS/MMS statuses name in {@code originalMessageId}, else the message itself. */
    @Override
    protected Optional<String> messageId(JsonNode callback) {
        return text(callback, "originalMessageId").or(() -> text(callback.path("message"), "id"))
                .or(() -> text(callback, "messageId"));
    }
}
