package io.switchboard.store;

import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.routing.RoutingRules;
import java.time.Instant;

/**
 * One carrier send of a message. Its id is the key for carrier idempotency, broker duplicate detection and the
 * store's unique constraint, so a leg is sent at most once.
 *
 * @param carrierMessageId the carrier's id once it accepted the send, else null
 * @param reason           the carrier's words when it refused the send for good, else null
 * @param route            what the routing rules decided for the message when dispatch claimed its first leg: the
 *                         failover, its time limit and chain follow this decision, whatever the rules say later; null
 *                         for a leg claimed before the hub recorded decisions
 * @param envelope         the message's own sender, recipient and channel (a failover leg's own channel is
 *                         {@code channel}), which the leg's events carry
 */
public record Leg(String legId, String messageId, String tenantId, int legNumber, Channel channel, String carrierId,
        String carrierMessageId, LegStatus status, String reason, RoutingRules.Route route, Envelope envelope) {

    public static String idOf(String messageId, int legNumber) {
        return messageId + "-" + legNumber;
    }

    /** An event about this leg, as its carrier reported it or the hub saw it. */
    public DeliveryEvent event(EventType type, Instant occurredAt, String reportedCarrierMessageId, String why) {
        return new DeliveryEvent(Ids.eventId(), type, occurredAt, messageId, tenantId, carrierId,
                reportedCarrierMessageId, channel, why, envelope);
    }

    /**
     * True once the carrier answered for good, accepting or refusing: sending the leg again could send a second
     * message, or repeat a refusal. A redelivered dispatch finds the answer here and carries on from it.
     */
    public boolean isSettled() {
        return status == LegStatus.ACCEPTED || status == LegStatus.REFUSED;
    }

    /**
     * The answer recorded on a leg the carrier already answered for good, so a redelivered dispatch carries on from it
     * (publishes its events, schedules its time limit) without calling the carrier again.
     */
    public CarrierOutcome recordedAnswer() {
        if (!isSettled()) {
            throw new IllegalStateException("Leg " + legId + " has no answer yet");
        }
        return status == LegStatus.ACCEPTED ? CarrierOutcome.accepted(carrierMessageId) : CarrierOutcome.refused(reason);
    }

    public enum LegStatus {
        /**
         * Handed to the carrier, its answer not recorded yet. A leg found in this state by a later attempt was in
         * flight when the earlier one stopped: the carrier may or may not have taken it.
         */
        DISPATCHING,
        /** The carrier answered with a passing failure, or could not be reached: it did not take the leg. */
        RETRYING,
        /** The carrier accepted it. */
        ACCEPTED,
        /** The carrier refused it for good. */
        REFUSED
    }
}
