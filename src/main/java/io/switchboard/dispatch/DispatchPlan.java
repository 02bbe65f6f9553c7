package io.switchboard.dispatch;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.store.Leg;

/** What the dispatch does with a message it took off the outbound queue; the route chooses by {@link #action()}. */
public sealed interface DispatchPlan {

    enum Action { SEND, SKIP, FAIL }

    Action action();

    /**
     * Send its first leg.
     *
     * @param carrier         the carrier the routing rule names
     * @param message         the message as that carrier will carry it
     * @param leg             the leg claimed for it, which keeps the routing decision for its failover and time limit
     * @param carrierFailover the SMS/MMS leg the carrier gets with it to fail over by itself, or null
     */
    record Send(CarrierConnector carrier, Message message, Leg leg, FailoverPlan carrierFailover)
            implements DispatchPlan {

        @Override
        public Action action() {
            return Action.SEND;
        }
    }

    /** Send nothing and tell nobody: another message stands for this one, or it was revoked. */
    record Skip(String reason) implements DispatchPlan {

        @Override
        public Action action() {
            return Action.SKIP;
        }
    }

    /** Send nothing and fail the message with this event: no rule names a carrier, or it cannot carry the content. */
    record Fail(DeliveryEvent event) implements DispatchPlan {

        @Override
        public Action action() {
            return Action.FAIL;
        }
    }
}
