package io.switchboard.failover;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierContent;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.carrier.Carriers;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.routing.RoutingRules;
import io.switchboard.routing.RoutingTable;
import io.switchboard.store.Leg;
import io.switchboard.store.LegStore;
import io.switchboard.store.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When an RCS message fails over, and to what. A failure of the RCS leg (refused, failed or expired) becomes a
 * {@link FailoverRequest} instead of the message's failure when the routing rule's failover mode is {@code hub};
 * so does an RCS leg that is not delivered within its time limit. The request then picks the first carrier of the
 * rule's chain that carries the leg (the client's own SMS/MMS leg, else the RCS content transcoded).
 */
@Component("failovers")
public class Failovers {

    /** How the refusal of a call its carrier's breaker kept away begins. */
    private static final String BREAKER_OPEN = "the circuit breaker of ";

    private final RoutingTable routing;
    private final Carriers carriers;
    private final CarrierContent content;
    private final MessageStore store;
    private final LegStore legs;
    private final HubMetrics metrics;
    private final Clock clock;

    public Failovers(RoutingTable routing, Carriers carriers, CarrierContent content, MessageStore store,
            LegStore legs, HubMetrics metrics, Clock clock) {
        this.routing = routing;
        this.carriers = carriers;
        this.content = content;
        this.store = store;
        this.legs = legs;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The failover a failure event stands for, or null when the event stays what it is.
     *
     * @param leg the leg the event is about, with the routing decision it carries out; null for an event about no leg
     */
    public FailoverRequest divert(DeliveryEvent event, Leg leg) {
        boolean rcsFailure = (event.type() == EventType.FAILED || event.type() == EventType.EXPIRED)
                && event.channel() == Channel.RCS && event.carrier() != null;
        if (!rcsFailure || leg == null) {
            return null;
        }
        RoutingRules.Route route = decided(leg);
        if (hubFailover(route).isEmpty()) {
            return null;
        }
        FailoverRequest.Trigger trigger = event.type() == EventType.EXPIRED ? FailoverRequest.Trigger.EXPIRED
                : event.carrierMessageId() == null ? FailoverRequest.Trigger.REFUSED : FailoverRequest.Trigger.FAILED;
        return new FailoverRequest(event.messageId(), trigger, event.carrier(), event.carrierMessageId(),
                event.reason(), route);
    }

    /**
     * The time-limit request for an RCS leg the carrier just accepted, due after the rule's failover {@code ttl} or
     * the message's own time-to-live when shorter; null when the leg is not RCS or the message has no time limit.
     */
    public ScheduledFailover timeLimit(Leg leg, Message message) {
        if (leg.channel() != Channel.RCS) {
            return null;
        }
        RoutingRules.Route route = decided(leg);
        Optional<RoutingRules.Failover> failover = hubFailover(route);
        Duration ttl = failover.isEmpty() ? null : shorter(failover.get().ttl(), message.timeToLive());
        if (ttl == null) {
            return null;
        }
        return new ScheduledFailover(new FailoverRequest(message.id(), FailoverRequest.Trigger.TIME_LIMIT,
                leg.carrierId(), leg.carrierMessageId(), "not delivered within " + ttl.toSeconds() + "s", route),
                clock.instant().plus(ttl).toEpochMilli());
    }

    private static Duration shorter(Duration one, Duration other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return one.compareTo(other) <= 0 ? one : other;
    }

    /** A failover request the broker holds back until {@code dueAt} (epoch milliseconds). */
    public record ScheduledFailover(FailoverRequest request, long dueAt) {
    }

    /**
     * What a call the carrier's circuit breaker kept from it amounts to: for an RCS leg that fails over, a refusal,
     * so the message fails over now; for any other leg, a passing failure the broker retries later.
     */
    public CarrierOutcome whenCarrierDown(Leg leg, CarrierConnector carrier) {
        metrics.carrierKeptAway(carrier.id(), leg.channel());
        String why = BREAKER_OPEN + carrier.id() + " is open";
        boolean failsOver = leg.channel() == Channel.RCS && hubFailover(decided(leg)).isPresent();
        return failsOver ? CarrierOutcome.refused(why) : CarrierOutcome.retryLater(why);
    }

    /**
     * Counts a failover whose leg was just claimed, by its trigger: {@code refused}, {@code failed}, {@code expired},
     * {@code time_limit}, or {@code breaker_open} for a refusal that was the carrier's open breaker
     * ({@link #whenCarrierDown}).
     *
     * @param leg the message as the failover leg sends it
     */
    public void failedOver(FailoverRequest request, Message leg) {
        boolean breakerOpen = request.trigger() == FailoverRequest.Trigger.REFUSED && request.reason() != null
                && request.reason().startsWith(BREAKER_OPEN);
        metrics.failover(breakerOpen ? "breaker_open" : request.trigger().name().toLowerCase(Locale.ROOT),
                leg.channel());
    }

    /**
     * The SMS/MMS leg an RCS carrier gets with the message when the rule's failover mode is {@code carrier}: the
     * client's own legs, else the RCS content transcoded; null for any other mode, content or carrier. A leg without
     * a sender goes from the carrier's {@code sms-sender}.
     */
    public FailoverPlan carrierLeg(Message message, CarrierConnector carrier, RoutingRules.Route route) {
        if (message.channel() != Channel.RCS || !carrier.capabilities().takesFailoverLeg() || route == null
                || route.failover().mode() != RoutingRules.FailoverMode.CARRIER) {
            return null;
        }
        return content.failoverPlanFor(message, carrier);
    }

    /**
     * What a failover request leads to, by the routing decision it carries. A time limit whose leg was delivered is
     * decided from the leg alone; only a failover that goes ahead reads the message, for the content of its leg.
     */
    public FailoverDecision decide(FailoverRequest request) {
        if (request.trigger() == FailoverRequest.Trigger.TIME_LIMIT
                && legs.legDelivered(request.carrierId(), request.carrierMessageId())) {
            return FailoverDecision.skip("RCS was delivered in time");
        }
        Optional<Message> found = store.findMessage(request.messageId());
        if (found.isEmpty()) {
            return FailoverDecision.skip("message " + request.messageId() + " is not stored");
        }
        Message message = found.get();
        RoutingRules.Route route = request.route() != null ? request.route() : routing.routeFor(message);
        Optional<RoutingRules.Failover> failover = hubFailover(route);
        if (failover.isPresent()) {
            for (RoutingRules.FailoverStep step : failover.get().chain()) {
                CarrierConnector carrier = carriers.byId(step.carrier());
                Message leg = content.failoverLeg(message, carrier, step.channel());
                if (leg != null) {
                    return FailoverDecision.send(carrier, leg, route, event(EventType.FAILOVER, request, message,
                            describe(request)));
                }
            }
        }
        if (request.trigger() == FailoverRequest.Trigger.TIME_LIMIT) {
            return FailoverDecision.skip("no failover carrier carries a leg of " + message.id());
        }
        EventType type = request.trigger() == FailoverRequest.Trigger.EXPIRED ? EventType.EXPIRED : EventType.FAILED;
        return FailoverDecision.unrecovered(event(type, request, message, request.reason()));
    }

    /**
     * The routing decision a leg carries out: the one dispatch recorded with it, or for a leg claimed before the hub
     * recorded decisions, the rules in force.
     */
    private RoutingRules.Route decided(Leg leg) {
        return leg.route() != null ? leg.route()
                : store.findMessage(leg.messageId()).map(routing::routeFor).orElse(null);
    }

    private static Optional<RoutingRules.Failover> hubFailover(RoutingRules.Route route) {
        return route == null || route.failover().mode() != RoutingRules.FailoverMode.HUB ? Optional.empty()
                : Optional.of(route.failover());
    }

    private static String describe(FailoverRequest request) {
        String trigger = request.trigger().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return request.reason() == null ? trigger : trigger + ": " + request.reason();
    }

    private DeliveryEvent event(EventType type, FailoverRequest request, Message message, String reason) {
        boolean fromCarrier = type != EventType.FAILOVER;
        return new DeliveryEvent(Ids.eventId(), type, clock.instant(), message.id(), message.tenantId(),
                request.carrierId(), fromCarrier ? request.carrierMessageId() : null, Channel.RCS, reason,
                Envelope.of(message));
    }

    /**
     * @param carrier     the failover carrier, when the leg is sent
     * @param leg         the message as the failover leg sends it
     * @param route       the routing decision the failover leg carries out, when it is sent
     * @param event       {@code message.failover} naming the trigger, or the failure to report when no leg can go
     * @param skipped     why nothing happens, when nothing does
     */
    public record FailoverDecision(CarrierConnector carrier, Message leg, RoutingRules.Route route,
            DeliveryEvent event, String skipped) {

        static FailoverDecision send(CarrierConnector carrier, Message leg, RoutingRules.Route route,
                DeliveryEvent failover) {
            return new FailoverDecision(carrier, leg, route, failover, null);
        }

        static FailoverDecision unrecovered(DeliveryEvent failure) {
            return new FailoverDecision(null, null, null, failure, null);
        }

        static FailoverDecision skip(String why) {
            return new FailoverDecision(null, null, null, null, why);
        }
    }
}
