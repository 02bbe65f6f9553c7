package io.switchboard.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.api.PhoneNumbers;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.Channel;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;

/**
 * What every carrier's reader of user events ({@code <dialect>:inbound} to {@code canonical:inbound-event}) shares: a
 * callback parsed to a tree and the carrier that proved it sent it come in, an {@link InboundEvent} goes out. A user
 * is always a phone number, so a callback whose user is not one is refused (400, naming the field); the business
 * side may be an RCS agent id or a number.
 *
 * <p>Needs from the exchange: the variable {@value Variables#CARRIER}, the carrier whose signature or token the
 * callback carried.
 */
public abstract class InboundCallbackReader extends Transformer {

    /** When the hub saw a callback, for the callbacks that do not say when it happened. */
    protected final Clock clock;

    protected InboundCallbackReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void transform(org.apache.camel.Message message, DataType from, DataType to) {
        CarrierConnector carrier = message.getExchange().getVariable(Variables.CARRIER, CarrierConnector.class);
        message.setBody(toInbound(message.getBody(JsonNode.class), carrier.id()));
    }

    /** The user's message or typing the callback reports, reported by this carrier. */
    public abstract InboundEvent toInbound(JsonNode callback, String carrierId);

    /** A message the user sent. */
    protected InboundEvent received(Instant occurredAt, String carrierId, String carrierMessageId, Channel channel,
            String agent, String user, UserMessage message, String inReplyTo) {
        return new InboundEvent(Ids.inboundId(), EventType.RECEIVED, occurredAt, carrierId, carrierMessageId,
                channel, agent, user, message, inReplyTo);
    }

    /** The user is typing. */
    protected InboundEvent typing(Instant occurredAt, String carrierId, Channel channel, String agent, String user) {
        return new InboundEvent(Ids.inboundId(), EventType.USER_TYPING, occurredAt, carrierId, null, channel, agent,
                user, null, null);
    }

    /**
     * The user's number in E.164.
     *
     * @param field where the callback holds it, in the dialect's own terms, for the refusal
     * @throws InvalidRequestException when it is missing or not a phone number
     */
    protected static String user(FieldPath field, Optional<String> number) {
        return number.flatMap(PhoneNumbers::e164).orElseThrow(() -> new InvalidRequestException(List.of(
                new FieldError(field, "must be the user's phone number in E.164"))));
    }

    /** The business side: a phone number in E.164 when it is one, else the agent id as written. */
    protected static String agent(Optional<String> sender) {
        return sender.map(id -> PhoneNumbers.e164(id).orElse(id)).orElse(null);
    }

    /** When it happened, from the first of these texts that is an ISO-8601 time with an offset, else now. */
    protected Instant occurredAt(Optional<String> time) {
        return time.flatMap(CarrierCallbackReader::isoInstant).orElseGet(clock::instant);
    }

    /** The field's text, trimmed, when it is a scalar that is neither null nor blank. */
    protected static Optional<String> text(JsonNode node, String field) {
        return CarrierCallbackReader.text(node, field);
    }

    /** The first of these fields that holds a text. */
    protected static Optional<String> firstText(JsonNode node, List<String> fields) {
        return fields.stream().map(field -> text(node, field)).flatMap(Optional::stream).findFirst();
    }

    /** The field's number, when it holds one (or a text that reads as one). */
    protected static Optional<Double> number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return Optional.of(value.asDouble());
        }
        try {
            return text(node, field).map(Double::valueOf);
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /**
     * The URLs of a field holding one URL or an array of them, each a text or an object with {@code url} or
     * {@code mediaUrl}; what is not a URL is left out.
     */
    protected static List<URI> urls(JsonNode node) {
        Iterable<JsonNode> values = node.isArray() ? node : List.of(node);
        return StreamSupport.stream(values.spliterator(), false)
                .map(value -> value.isObject() ? value.has("url") ? value.path("url") : value.path("mediaUrl") : value)
                .filter(value -> value.isTextual() && !value.asText().isBlank())
                .map(value -> uri(value.asText().trim())).flatMap(Optional::stream).toList();
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(URI.create(text));
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }
}
