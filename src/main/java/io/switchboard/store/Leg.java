package io.switchboard.store;

import io.switchboard.model.Channel;

/**
 * One carrier send of a message. Its id is the key for carrier idempotency, broker duplicate detection and the
 * store's unique constraint, so a leg is sent at most once.
 *
 * @param carrierMessageId the carrier's id once it accepted the send, else null
 */
public record Leg(String legId, String messageId, String tenantId, int legNumber, Channel channel, String carrierId,
        String carrierMessageId, LegStatus status) {

    public static String idOf(String messageId, int legNumber) {
        return messageId + "-" + legNumber;
    }

    /**
     * True once the carrier answered for good, accepting or refusing: sending the leg again could send a second
     * message, or repeat a refusal. Only a leg still {@code DISPATCHING} (its answer lost in a crash) is sent again.
     */
    public boolean isSettled() {
        return status != LegStatus.DISPATCHING;
    }

    public enum LegStatus {
        /** Claimed by a dispatcher; the carrier's answer is not known yet. */
        DISPATCHING,
        /** The carrier accepted it. */
        ACCEPTED,
        /** The carrier refused it for good. */
        REFUSED
    }
}
