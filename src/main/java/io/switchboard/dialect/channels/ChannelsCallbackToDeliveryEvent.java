package io.switchboard.dialect.channels;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code channels:callback} (the message resource of a Notifications API webhook, as a tree) to
 * {@code canonical:delivery-event}. Every outgoing status the Channels API is known to use is placed: accepted,
 * processing, scheduled and sent say the carrier has the message; delivered; sending_failed, delivery_failed,
 * rejected, skipped and deleted are failures (with the carrier's {@code reason}); expired. An incoming message or a
 * status it cannot place becomes a null body, which the callback route acknowledges without publishing anything.
 *
 * <p>Needs from the exchange: the variable {@value Variables#LEG}, the leg the notification is about.
 */
@Component
@DataTypeTransformer(fromType = "channels:callback", toType = "canonical:delivery-event",
        description = "A Bird Channels message status notification to a normalized delivery event")
public class ChannelsCallbackToDeliveryEvent extends CarrierCallbackReader {

    private static final Map<String, EventType> STATUSES = Map.ofEntries(
            Map.entry("accepted", EventType.SENT), Map.entry("processing", EventType.SENT),
            Map.entry("scheduled", EventType.SENT), Map.entry("sent", EventType.SENT),
            Map.entry("delivered", EventType.DELIVERED),
            Map.entry("sending_failed", EventType.FAILED), Map.entry("delivery_failed", EventType.FAILED),
            Map.entry("rejected", EventType.FAILED), Map.entry("skipped", EventType.FAILED),
            Map.entry("deleted", EventType.FAILED),
            Map.entry("expired", EventType.EXPIRED));
    private static final List<String> TIME_FIELDS = List.of("lastStatusAt", "updatedAt", "createdAt");
    private static final String INCOMING = "incoming";

    public ChannelsCallbackToDeliveryEvent(Clock clock) {
        super(clock);
    }

    @Override
    public Optional<DeliveryEvent> toEvent(JsonNode resource, Leg leg) {
        if (INCOMING.equalsIgnoreCase(resource.path("direction").asText(""))) {
            return Optional.empty();
        }
        EventType type = STATUSES.get(resource.path("status").asText("").trim().toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        String id = resource.path("id").asText("");
        String carrierMessageId = id.isEmpty() ? leg.carrierMessageId() : id;
        Instant occurredAt = TIME_FIELDS.stream().map(field -> isoInstant(resource.path(field).asText("")))
                .flatMap(Optional::stream).findFirst().orElseGet(clock::instant);
        String reason = type == EventType.FAILED || type == EventType.EXPIRED ? reason(resource) : null;
        return Optional.of(leg.event(type, occurredAt, carrierMessageId, reason));
    }

    /** The carrier's reason; the status word when it gave none, so a failure always says something. */
    private static String reason(JsonNode resource) {
        String reason = resource.path("reason").asText("");
        return reason.isBlank() ? resource.path("status").asText() : reason;
    }
}
