package io.switchboard.failover;

import io.switchboard.routing.RoutingRules;
import java.util.Locale;

/**
 * A request to fail an RCS message over to SMS or MMS, on {@code switchboard.failover}.
 *
 * @param messageId        the hub's message
 * @param trigger          what showed that RCS did not reach the recipient
 * @param carrierId        the RCS carrier
 * @param carrierMessageId the RCS carrier's id of the leg, or null when it refused the leg
 * @param reason           the carrier's words, or the hub's for a time limit
 * @param route            the routing decision of the RCS leg, whose failover chain the request follows; null in a
 *                         request queued before the hub recorded decisions
 */
public record FailoverRequest(String messageId, Trigger trigger, String carrierId, String carrierMessageId,
        String reason, RoutingRules.Route route) {

    /** Names the broker's one copy of a request: one per message and trigger, so a repeated trigger is dropped. */
    public String duplicateId() {
        return messageId + ":failover:" + trigger.name().toLowerCase(Locale.ROOT);
    }

    public enum Trigger {
        /** The carrier refused the RCS send for good (not RCS-capable, a permanent error). */
        REFUSED,
        /** The carrier reported the RCS message failed. */
        FAILED,
        /** The carrier reported the RCS message expired. */
        EXPIRED,
        /** The RCS message was not delivered within its time limit. */
        TIME_LIMIT
    }
}
