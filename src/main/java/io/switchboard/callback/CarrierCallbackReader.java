package io.switchboard.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.camel.Variables;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.store.Leg;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;

/**
 * What every carrier's callback reader ({@code <dialect>:callback} to {@code canonical:delivery-event}) shares: a
 * callback parsed to a tree and the leg it names come in, a normalized event (or nothing) goes out.
 *
 * <p>Needs from the exchange: the variable {@value Variables#LEG}, the leg the callback's message id belongs to.
 */
public abstract class CarrierCallbackReader extends Transformer {

    /** When the hub saw a callback, for the callbacks that do not say when it happened. */
    protected final Clock clock;

    protected CarrierCallbackReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void transform(org.apache.camel.Message message, DataType from, DataType to) {
        Leg leg = message.getExchange().getVariable(Variables.LEG, Leg.class);
        message.setBody(toEvent(message.getBody(JsonNode.class), leg).orElse(null));
    }

    /** The event the callback reports about the leg, or empty when it reports nothing the hub records. */
    public abstract Optional<DeliveryEvent> toEvent(JsonNode callback, Leg leg);

    /**
     * The reason of a failover the carrier ran itself (failover mode {@code carrier}), naming the channel of the leg
     * it sent, or {@code SMS/MMS} when the callback does not say.
     */
    protected static String carrierFailover(Optional<String> channel) {
        return "carrier failover: " + channel.orElse("SMS/MMS");
    }

    /** The field's text, trimmed, when it is a scalar that is neither null nor blank. */
    protected static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText().trim()) : Optional.empty();
    }

    /** An ISO-8601 time with its offset, such as {@code 2026-01-01T10:00:03Z}; empty for anything else. */
    protected static Optional<Instant> isoInstant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }
}
