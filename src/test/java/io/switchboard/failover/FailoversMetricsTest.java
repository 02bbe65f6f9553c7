package io.switchboard.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.dialect.v5.V5Module;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.routing.RoutingRules;
import io.switchboard.store.Leg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the failover counts: a call the open breaker kept away from its carrier, and a failover by its trigger, the
 * refusal that was the breaker's apart from a carrier's own.
 */
class FailoversMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final RoutingRules.Route FAILS_OVER = new RoutingRules.Route("rcs-first", "rcs-carrier",
            new RoutingRules.Failover(RoutingRules.FailoverMode.HUB, Duration.ofMinutes(5),
                    List.of(new RoutingRules.FailoverStep("sms-carrier", Channel.SMS))));
    private static final CarrierConnector RCS_CARRIER = new CarrierConnector("rcs-carrier", Dialect.V5,
            V5Module.CARRIER_SIDE.capabilities(), "http://127.0.0.1:1", "Basic x", null, null, null, null, null,
            Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(1));
    private static final Leg RCS_LEG = new Leg("msg_1-1", "msg_1", "demo", 1, Channel.RCS, "rcs-carrier", null,
            Leg.LegStatus.DISPATCHING, null, FAILS_OVER, new Envelope("agent_demo", "+14155550101", Channel.RCS));
    private static final Message SMS_LEG = new Message("msg_1", "demo", Dialect.V1, null, "+14155550100",
            "+14155550101", new SmsContent("hello"), FailoverPlan.none(), null, null, null, null, NOW);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Failovers failovers = new Failovers(null, null, null, null, null, new HubMetrics(registry, 8),
            Clock.systemUTC());

    @Test
    void shouldCountACallTheBreakerKeptAwayAndTheFailoverItCausesAsTheBreakers() {
        CarrierOutcome keptAway = failovers.whenCarrierDown(RCS_LEG, RCS_CARRIER);
        failovers.failedOver(new FailoverRequest("msg_1", FailoverRequest.Trigger.REFUSED, "rcs-carrier", null,
                keptAway.reason(), FAILS_OVER), SMS_LEG);

        assertThat(keptAway.verdict()).isEqualTo(CarrierOutcome.Verdict.REFUSED);
        assertThat(registry.get("switchboard.carrier.sends").tags("carrier", "rcs-carrier", "channel", "rcs",
                "outcome", "breaker_open", "cause", "breaker_open").counter().count()).isEqualTo(1);
        assertThat(failoversBy("breaker_open")).isEqualTo(1);
    }

    @Test
    void shouldCountEveryOtherFailoverByItsTrigger() {
        failovers.failedOver(new FailoverRequest("msg_1", FailoverRequest.Trigger.REFUSED, "rcs-carrier", null,
                "'destination' is not RCS capable", FAILS_OVER), SMS_LEG);
        failovers.failedOver(new FailoverRequest("msg_2", FailoverRequest.Trigger.TIME_LIMIT, "rcs-carrier", "rcs-2",
                "not delivered within 300s", FAILS_OVER), SMS_LEG);

        assertThat(failoversBy("refused")).isEqualTo(1);
        assertThat(failoversBy("time_limit")).isEqualTo(1);
        assertThat(registry.find("switchboard.failovers").counters()).hasSize(2);
    }

    private double failoversBy(String trigger) {
        return registry.get("switchboard.failovers").tags("trigger", trigger, "channel", "sms").counter().count();
    }
}
