package io.switchboard.store;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import java.time.Instant;
import java.util.List;

/**
 * One message's whole path, for operators: the message, each leg with the carrier calls made for it, its timeline and
 * the webhook attempts of its events, per target.
 *
 * @param traceId the trace its spans belong to (W3C trace id), null when it was accepted outside a trace
 */
public record MessagePath(String id, String tenant, Dialect dialect, Channel channel, String status,
        Instant acceptedAt, Instant updatedAt, String traceId, List<LegPath> legs, List<Event> events,
        List<WebhookTarget> webhooks) {

    /**
     * A leg: the first channel, then each failover leg.
     *
     * @param state  {@code DISPATCHING}, {@code RETRYING}, {@code ACCEPTED} or {@code REFUSED}
     * @param reason why it is not accepted, or null
     * @param calls  the calls to its carrier, oldest first
     */
    public record LegPath(int leg, String carrier, Channel channel, Leg.LegStatus state, String carrierMessageId,
            String reason, List<Call> calls) {
    }

    /** One call to a carrier; see {@link CarrierCallRecord}. */
    public record Call(Instant at, long durationMs, String outcome, Integer httpStatus, String cause) {
    }

    /**
     * An event of the timeline.
     *
     * @param at         when it happened (the carrier's time for a carrier's report)
     * @param recordedAt when the hub recorded it
     */
    public record Event(int sequence, String id, EventType type, Instant at, Instant recordedAt, String carrier,
            String carrierMessageId, Channel channel, String reason) {
    }

    /**
     * The webhook attempts made to one target, oldest first.
     *
     * @param target a subscription's id, or {@code callback:<dialect>:<tenant>} for the message's status callback
     */
    public record WebhookTarget(String target, List<Attempt> attempts) {
    }

    /**
     * One post of an event; see {@link WebhookAttemptRecord}.
     *
     * @param event the event's type, null when its event is not in the timeline (a test event)
     */
    public record Attempt(String eventId, EventType event, int attempt, Instant at, long durationMs, String outcome,
            Integer httpStatus, String cause) {
    }
}
