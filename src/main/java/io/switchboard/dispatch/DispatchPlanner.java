package io.switchboard.dispatch;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierContent;
import io.switchboard.carrier.Carriers;
import io.switchboard.events.DeliveryEvents;
import io.switchboard.failover.Failovers;
import io.switchboard.intake.MessageIntake;
import io.switchboard.model.Message;
import io.switchboard.routing.RoutingRules;
import io.switchboard.routing.RoutingTable;
import io.switchboard.store.Acceptance;
import io.switchboard.store.Leg;
import io.switchboard.store.LegStore;
import org.springframework.stereotype.Component;

/**
 * Decides, once, what becomes of a message the dispatch took off the outbound queue (see
 * {@code routes/dispatch.camel.yaml}): it is recorded first if the ingress could not record it, its carrier is the
 * one the routing rules name, its content is fitted to what that carrier carries, and its first leg is claimed, which
 * keeps the decision for the leg's failover and time limit.
 */
@Component("dispatchPlanner")
public class DispatchPlanner {

    private final MessageIntake intake;
    private final RoutingTable routing;
    private final Carriers carriers;
    private final CarrierContent content;
    private final LegStore legs;
    private final Failovers failovers;
    private final DeliveryEvents events;

    public DispatchPlanner(MessageIntake intake, RoutingTable routing, Carriers carriers, CarrierContent content,
            LegStore legs, Failovers failovers, DeliveryEvents events) {
        this.intake = intake;
        this.routing = routing;
        this.carriers = carriers;
        this.content = content;
        this.legs = legs;
        this.failovers = failovers;
        this.events = events;
    }

    public DispatchPlan plan(Message queued) throws InterruptedException {
        Acceptance acceptance = intake.ensureRecorded(queued);
        if (acceptance.outcome() == Acceptance.Outcome.REPLAY || acceptance.outcome() == Acceptance.Outcome.CONFLICT) {
            return new DispatchPlan.Skip(queued.id() + " is not sent: " + acceptance.message().id()
                    + " holds its idempotency key");
        }
        RoutingRules.Route route = routing.routeFor(queued);
        CarrierConnector carrier = carriers.named(route == null ? null : route.carrier());
        if (carrier == null) {
            return new DispatchPlan.Fail(events.noCarrier(queued));
        }
        Message fitted = content.fit(queued, carrier);
        if (fitted == null) {
            return new DispatchPlan.Fail(events.cannotCarry(queued, carrier, route.rule()));
        }
        Leg leg = legs.openLeg(fitted, 1, fitted.channel(), carrier.id(), route);
        if (leg == null) {
            return new DispatchPlan.Skip(queued.id() + " was revoked; not sending it");
        }
        return new DispatchPlan.Send(carrier, fitted, leg, failovers.carrierLeg(fitted, carrier, route));
    }
}
