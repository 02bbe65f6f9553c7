package io.switchboard.dialect.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldPath;
import io.switchboard.api.UnauthorizedException;
import io.switchboard.api.UnauthorizedException.Flaw;
import io.switchboard.callback.CallbackLegs;
import io.switchboard.callback.UnmatchedCallback;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.Carriers;
import io.switchboard.model.Dialect;
import io.switchboard.net.HubAddress;
import io.switchboard.store.Leg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the Notifications API webhooks Channels carriers post to {@value #PATH}: proves who signed one, finds the
 * message resource in it and the leg it is about.
 *
 * <p>The signature covers the full URL the carrier called, which is the hub's public base URL and this path. Bird
 * retries a failed delivery for up to eight hours with its original timestamp, so a timestamp is only refused when it
 * is older than {@code switchboard.callbacks.channels-max-age} (default 9 h) or more than five minutes ahead; a
 * replayed event within that window changes nothing, because events are deduplicated.
 */
@Component("channelsNotifications")
public class ChannelsNotifications {

    public static final String PATH = "/callbacks/channels";

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Timestamps above this are milliseconds, not seconds (which would be past the year 5000). */
    private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;
    /** Leg ids begin with their message id. */
    private static final String LEG_ID_PREFIX = "msg_";
    private static final List<String> ENVELOPE_FIELDS = List.of("payload", "message", "data");
    /** Where a notification names the carrier's message id, for a refusal (the envelope Bird sends). */
    private static final FieldPath MESSAGE_ID_FIELD = FieldPath.of("payload").field("id");

    private final Carriers carriers;
    private final CallbackLegs legs;
    private final HubAddress hub;
    private final Clock clock;
    private final Duration maxAge;

    public ChannelsNotifications(Carriers carriers, CallbackLegs legs, HubAddress hub, Clock clock,
            @Value("${switchboard.callbacks.channels-max-age:9h}") Duration maxAge) {
        this.carriers = carriers;
        this.legs = legs;
        this.hub = hub;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * The Channels carriers whose signing key signed this request.
     *
     * @throws UnauthorizedException when the signature or timestamp is missing, stale or signed by no carrier
     */
    public List<CarrierConnector> signers(@Header(ChannelsSignature.SIGNATURE_HEADER) String signature,
            @Header(ChannelsSignature.TIMESTAMP_HEADER) String timestamp,
            @Header(Exchange.HTTP_QUERY) String query, @Body byte[] body) {
        if (signature == null || timestamp == null) {
            throw new UnauthorizedException(Flaw.MISSING, "Send the " + ChannelsSignature.SIGNATURE_HEADER + " and "
                    + ChannelsSignature.TIMESTAMP_HEADER + " headers.");
        }
        requireFresh(timestamp);
        String url = hub.publicBaseUrl() + PATH + (query == null || query.isEmpty() ? "" : "?" + query);
        byte[] raw = body == null ? new byte[0] : body;
        List<CarrierConnector> signers = carriers.ofDialect(Dialect.CHANNELS).stream()
                .filter(carrier -> ChannelsSignature.matches(signature, carrier.signingSecret(), timestamp, url, raw))
                .toList();
        if (signers.isEmpty()) {
            throw new UnauthorizedException(Flaw.SIGNATURE, "The " + ChannelsSignature.SIGNATURE_HEADER
                    + " is not valid.");
        }
        return signers;
    }

    /**
     * The message resource in a notification, wherever the envelope puts it: under {@code payload},
     * {@code message} or {@code data}, or at the top; null when there is none. A resource has an {@code id} and a
     * {@code status} or {@code direction}.
     */
    public JsonNode messageOf(JsonNode notification) {
        for (String field : ENVELOPE_FIELDS) {
            JsonNode inner = notification.path(field);
            if (isMessage(inner)) {
                return inner;
            }
            if (isMessage(inner.path("message"))) {
                return inner.path("message");
            }
        }
        return isMessage(notification) ? notification : null;
    }

    /**
     * The leg the message resource is about: by the carrier's message id with the carrier that signed (the one whose
     * channel it names, when it names one), else by its {@code reference}, which holds the hub's leg id. The
     * reference finds a leg whose dispatch has not yet stored the carrier's id.
     *
     * @return the leg, or null when none is known: {@link #unmatched} tells a message the hub sent from one it did not
     */
    public Leg leg(List<CarrierConnector> signers, JsonNode message) {
        return legs.named(candidates(signers, message), messageId(message), message.path("reference").asText(null));
    }

    /**
     * The carrier an incoming message came in through: of the signers, the one whose channel it names, else (a
     * resource naming no channel) the first.
     *
     * @return the carrier, or null when it came in on a channel none of the signers has, not one the hub uses
     */
    public CarrierConnector receiver(List<CarrierConnector> signers, JsonNode message) {
        String channelId = message.path("channelId").asText("");
        return signers.stream().filter(carrier -> channelId.isEmpty() || channelId.equals(carrier.channelId()))
                .findFirst().orElse(null);
    }

    /**
     * A notification about a message no leg has yet, to park until one has it. The hub puts a leg id into every
     * reference, so a message without one was sent through the same channel by someone else; so was one on a channel
     * none of the signers has. Those are acknowledged and dropped rather than parked.
     *
     * @return the notification to park, or null for a message the hub did not send
     */
    public UnmatchedCallback unmatched(List<CarrierConnector> signers, JsonNode message) {
        String reference = message.path("reference").asText("");
        List<String> candidates = candidates(signers, message);
        if (!reference.startsWith(LEG_ID_PREFIX) || candidates.isEmpty()) {
            return null;
        }
        return new UnmatchedCallback(Dialect.CHANNELS, candidates, messageId(message), reference, message,
                clock.instant());
    }

    /** The signers that may have sent the message: the one whose channel it names, or all when it names none. */
    private static List<String> candidates(List<CarrierConnector> signers, JsonNode message) {
        String channelId = message.path("channelId").asText("");
        return signers.stream()
                .filter(carrier -> channelId.isEmpty() || channelId.equals(carrier.channelId()))
                .map(CarrierConnector::id)
                .toList();
    }

    private static String messageId(JsonNode message) {
        return CallbackLegs.storable(MESSAGE_ID_FIELD, message.path("id").asText(""));
    }

    private static boolean isMessage(JsonNode node) {
        return node.isObject() && node.path("id").isTextual()
                && (node.path("status").isTextual() || node.path("direction").isTextual());
    }

    private void requireFresh(String timestamp) {
        long value;
        try {
            value = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new UnauthorizedException(Flaw.MALFORMED, "The " + ChannelsSignature.TIMESTAMP_HEADER
                    + " is not a Unix time.");
        }
        Instant signedAt = value > MAX_EPOCH_SECONDS ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(maxAge)) || signedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new UnauthorizedException(Flaw.STALE, "The " + ChannelsSignature.TIMESTAMP_HEADER
                    + " is too old or in the future.");
        }
    }
}
