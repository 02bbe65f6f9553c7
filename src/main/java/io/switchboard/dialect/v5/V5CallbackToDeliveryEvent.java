package io.switchboard.dialect.v5;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldPath;
import io.switchboard.callback.CallbackLegs;
import io.switchboard.callback.CarrierCallbackReader;
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
 * {@code v5:callback} (the JSON a v5 carrier posts to {@code callbackURL}, parsed to a tree) to
 * {@code canonical:delivery-event}.
 *
 * <p>v5 publishes no callback format, so the hub defines one ({@code docs/dialects/v5.md}) and reads it leniently:
 * several spellings of the id, status and time fields, gateway words ({@code DELIVERED}), SMPP receipt states
 * ({@code DELIVRD}, {@code UNDELIV}) and v4 numeric codes ({@code 40001}); {@code FAILOVER} says the carrier sent the
 * failover leg it got with the message, whose channel {@code messageType} names. A status it cannot place becomes a
 * null body, which the callback route acknowledges without publishing anything.
 *
 * <p>Needs from the exchange: the variable {@value Variables#LEG}, the leg the callback URL was issued for.
 */
@Component
@DataTypeTransformer(fromType = "v5:callback", toType = "canonical:delivery-event",
        description = "A v5 carrier delivery callback to a normalized delivery event")
public class V5CallbackToDeliveryEvent extends CarrierCallbackReader {

    private static final List<String> ID_FIELDS = List.of("messageGUID", "messageGuid", "transactionGUID", "guid",
            "messageId");
    private static final List<String> STATUS_FIELDS = List.of("status", "messageStatus", "state", "dlrStatus",
            "statusCode");
    private static final List<String> TIME_FIELDS = List.of("timestamp", "statusDate", "dateTime", "eventTime");
    private static final List<String> REASON_FIELDS = List.of("errorMessage", "reason", "error", "description");

    private static final Map<String, EventType> STATUSES = Map.ofEntries(
            Map.entry("SENT", EventType.SENT), Map.entry("ENROUTE", EventType.SENT),
            Map.entry("ACCEPTD", EventType.SENT), Map.entry("ACCEPTED", EventType.SENT),
            Map.entry("20000", EventType.SENT), Map.entry("30000", EventType.SENT), Map.entry("40000", EventType.SENT),
            Map.entry("DELIVERED", EventType.DELIVERED), Map.entry("DELIVRD", EventType.DELIVERED),
            Map.entry("40001", EventType.DELIVERED),
            Map.entry("READ", EventType.READ), Map.entry("DISPLAYED", EventType.READ),
            Map.entry("FAILED", EventType.FAILED), Map.entry("FAIL", EventType.FAILED),
            Map.entry("UNDELIV", EventType.FAILED), Map.entry("REJECTD", EventType.FAILED),
            Map.entry("REJECTED", EventType.FAILED), Map.entry("DELETED", EventType.FAILED),
            Map.entry("BLOCKED", EventType.FAILED), Map.entry("ERROR", EventType.FAILED),
            Map.entry("30003", EventType.FAILED), Map.entry("30004", EventType.FAILED),
            Map.entry("EXPIRED", EventType.EXPIRED),
            // the carrier sent the smsFailover/mmsFailover leg it got with the message (failover mode carrier)
            Map.entry("FAILOVER", EventType.FAILOVER), Map.entry("FALLBACK", EventType.FAILOVER),
            Map.entry("FALLBACK_SENT", EventType.FAILOVER));

    public V5CallbackToDeliveryEvent(Clock clock) {
        super(clock);
    }

    @Override
    public Optional<DeliveryEvent> toEvent(JsonNode callback, Leg leg) {
        Optional<EventType> type = first(callback, STATUS_FIELDS)
                .map(status -> STATUSES.get(status.toUpperCase(Locale.ROOT)));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String carrierMessageId = CallbackLegs.storable(FieldPath.of(ID_FIELDS.get(0)),
                first(callback, ID_FIELDS).orElse(leg.carrierMessageId()));
        Instant occurredAt = first(callback, TIME_FIELDS).flatMap(V5CallbackToDeliveryEvent::instant)
                .orElseGet(clock::instant);
        String reason = type.get() == EventType.FAILED || type.get() == EventType.EXPIRED
                ? first(callback, REASON_FIELDS).orElse(null)
                : type.get() == EventType.FAILOVER
                        ? carrierFailover(first(callback, List.of("messageType", "channel")))
                        : null;
        return Optional.of(leg.event(type.get(), occurredAt, carrierMessageId, reason));
    }

    private static Optional<String> first(JsonNode callback, List<String> names) {
        for (String name : names) {
            JsonNode value = callback.get(name);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return Optional.of(value.asText().trim());
            }
        }
        return Optional.empty();
    }

    /** ISO-8601, or epoch milliseconds. */
    private static Optional<Instant> instant(String value) {
        return isoInstant(value).or(() -> {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
            } catch (NumberFormatException notEpoch) {
                return Optional.empty();
            }
        });
    }
}
