package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.BreakerProperties;
import io.switchboard.carrier.CarrierBreakers;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.dialect.v1.V1Module;
import io.switchboard.dispatch.DispatchPlan;
import io.switchboard.events.DeliveryEvents;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.store.Leg;
import io.switchboard.testing.RouteFileTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * routes/dispatch.camel.yaml alone: the dispatch acts on its plan (send, skip, fail), and send-leg turns the carrier's
 * answer, its recorded answer or its open breaker into the leg's events. The broker and the carriers are endpoints
 * replaced by mocks; the plans, the carrier's answers and the leg store are scripted.
 */
class DispatchRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Message MESSAGE = new Message("msg_1", "demo", Dialect.V1, null, "+14155550100",
            "+14155550101", new SmsContent("hello"), FailoverPlan.none(), null, null, null, null, NOW);
    private static final CarrierConnector CARRIER = new CarrierConnector("sms-carrier", Dialect.V1,
            V1Module.CARRIER_SIDE.capabilities(), "http://127.0.0.1:1", "Bearer k", null, null, "secret", null, null,
            Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(1));
    private static final Leg LEG = new Leg("msg_1-1", "msg_1", "demo", 1, Channel.SMS, "sms-carrier", null,
            Leg.LegStatus.DISPATCHING, null, null, Envelope.of(MESSAGE));

    private final DeliveryEvents events = new DeliveryEvents(Clock.fixed(NOW, ZoneOffset.UTC), null);
    private final CarrierBreakers breakers = new CarrierBreakers(
            new BreakerProperties(50, 4, 4, Duration.ofMinutes(1), 1), new SimpleMeterRegistry());
    private final ScriptedPlanner planner = new ScriptedPlanner();
    private final ScriptedCarrier carrier = new ScriptedCarrier();
    private final ScriptedLegs legs = new ScriptedLegs();

    @Override
    protected String routeFile() {
        return "dispatch.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("dispatchPlanner", planner, "carrierCalls", carrier, "legStore", legs,
                "carrierBreakers", breakers, "deliveryEvents", events, "failovers", new NoTimeLimits());
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "dispatch", route -> {
            route.replaceFromWith("direct:dispatch");
            route.weaveById("read-message").remove();
            // the test calls send-leg itself, so only the dispatch's call to it is replaced
            route.weaveById("send-first-leg").replace().to("mock:send-leg");
        });
        AdviceWith.adviceWith(context, "send-leg",
                route -> route.mockEndpointsAndSkip("direct:publish-event", "direct:schedule-failover"));
    }

    @Test
    void shouldSendTheFirstLegWithTheCarrierAndLegThePlanClaimed() throws Exception {
        planner.next = new DispatchPlan.Send(CARRIER, MESSAGE, LEG, null);
        MockEndpoint sendLeg = getMockEndpoint("mock:send-leg");
        sendLeg.expectedBodiesReceived(MESSAGE);
        getMockEndpoint("mock:direct:publish-event").expectedMessageCount(0);

        template.sendBody("direct:dispatch", MESSAGE);

        MockEndpoint.assertIsSatisfied(context);
        Exchange sent = sendLeg.getReceivedExchanges().get(0);
        assertThat(sent.getVariable(Variables.CARRIER)).isEqualTo(CARRIER);
        assertThat(sent.getVariable(Variables.LEG)).isEqualTo(LEG);
        assertThat(sent.getVariable(Variables.MESSAGE)).isEqualTo(MESSAGE);
    }

    @Test
    void shouldFailAMessageNoCarrierServesWithoutSendingIt() throws Exception {
        DeliveryEvent noCarrier = events.noCarrier(MESSAGE);
        planner.next = new DispatchPlan.Fail(noCarrier);
        getMockEndpoint("mock:direct:publish-event").expectedBodiesReceived(noCarrier);
        getMockEndpoint("mock:send-leg").expectedMessageCount(0);

        template.sendBody("direct:dispatch", MESSAGE);

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldFailAMessageItsCarrierCannotCarryWithoutSendingIt() throws Exception {
        DeliveryEvent cannotCarry = events.cannotCarry(MESSAGE, CARRIER, "default");
        planner.next = new DispatchPlan.Fail(cannotCarry);
        getMockEndpoint("mock:direct:publish-event").expectedBodiesReceived(cannotCarry);
        getMockEndpoint("mock:send-leg").expectedMessageCount(0);

        template.sendBody("direct:dispatch", MESSAGE);

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldSendNothingAndTellNobodyWhenThePlanSkipsTheMessage() throws Exception {
        planner.next = new DispatchPlan.Skip("msg_1 was revoked; not sending it");
        getMockEndpoint("mock:direct:publish-event").expectedMessageCount(0);
        getMockEndpoint("mock:send-leg").expectedMessageCount(0);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("dispatch").whenCompleted(1).create();

        template.sendBody("direct:dispatch", MESSAGE);

        assertThat(done.matches(5, TimeUnit.SECONDS)).isTrue();
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldPublishSentWhenTheCarrierAcceptsTheLeg() throws Exception {
        carrier.answer = CarrierOutcome.accepted("carrier-1");

        DeliveryEvent sent = onlyEventPublishedSending(LEG);

        assertThat(sent.type()).isEqualTo(EventType.SENT);
        assertThat(sent.carrierMessageId()).isEqualTo("carrier-1");
        assertThat(sent.occurredAt()).isEqualTo(NOW);
        assertThat(legs.calls).containsExactly("handedAt", "legAccepted");
    }

    @Test
    void shouldPublishFailedWhenTheCarrierRefusesTheLeg() throws Exception {
        carrier.answer = CarrierOutcome.refused("invalid destination");

        DeliveryEvent failed = onlyEventPublishedSending(LEG);

        assertThat(failed.type()).isEqualTo(EventType.FAILED);
        assertThat(failed.reason()).isEqualTo("invalid destination");
        assertThat(legs.calls).containsExactly("handedAt", "legRefused");
    }

    @Test
    void shouldNotCallTheCarrierAgainForALegItAnsweredBefore() throws Exception {
        Leg answered = new Leg("msg_1-1", "msg_1", "demo", 1, Channel.SMS, "sms-carrier", "carrier-1",
                Leg.LegStatus.ACCEPTED, null, null, Envelope.of(MESSAGE));
        DeliveryEvent sentAgain = onlyEventPublishedSending(answered);

        assertThat(sentAgain.type()).isEqualTo(EventType.SENT);
        assertThat(carrier.calls).isZero();
    }

    @Test
    void shouldKeepTheCallFromACarrierWhoseBreakerIsOpenAndRollBack() {
        breakers.of(CARRIER).transitionToOpenState();
        getMockEndpoint("mock:direct:publish-event").expectedMessageCount(0);

        Exchange result = template.send("direct:send-leg", exchange -> {
            exchange.setVariable(Variables.CARRIER, CARRIER);
            exchange.setVariable(Variables.LEG, LEG);
            exchange.setVariable(Variables.MESSAGE, MESSAGE);
            exchange.getMessage().setBody(MESSAGE);
        });

        assertThat(result.getException()).hasMessageContaining("sms-carrier");
        assertThat(carrier.calls).isZero();
        assertThat(breakers.of(CARRIER).getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private DeliveryEvent onlyEventPublishedSending(Leg leg) throws InterruptedException {
        MockEndpoint published = getMockEndpoint("mock:direct:publish-event");
        published.expectedMessageCount(1);

        Exchange result = template.send("direct:send-leg", exchange -> {
            exchange.setVariable(Variables.CARRIER, CARRIER);
            exchange.setVariable(Variables.LEG, leg);
            exchange.setVariable(Variables.MESSAGE, MESSAGE);
            exchange.getMessage().setBody(MESSAGE);
        });

        assertThat(result.getException()).isNull();
        published.assertIsSatisfied();
        return published.getReceivedExchanges().get(0).getMessage().getBody(DeliveryEvent.class);
    }

    /** Plans what the test says. */
    public static class ScriptedPlanner {
        DispatchPlan next;

        public DispatchPlan plan(Message message) {
            return next;
        }
    }

    /** A carrier call that answers what the test says, counting its calls. */
    public static class ScriptedCarrier {
        CarrierOutcome answer;
        int calls;

        public void call(Exchange exchange) {
            calls++;
            exchange.setVariable(Variables.OUTCOME, answer);
        }
    }

    /** The leg store's part of send-leg, noting what was asked of it. */
    public static class ScriptedLegs {
        final List<String> calls = new ArrayList<>();

        public Instant handedAt(Leg leg) {
            calls.add("handedAt");
            return NOW;
        }

        public Leg legAccepted(Leg leg, DeliveryEvent sent) {
            calls.add("legAccepted");
            return leg;
        }

        public void legRefused(Leg leg, String reason) {
            calls.add("legRefused");
        }

        public void legRetrying(Leg leg, String reason) {
            calls.add("legRetrying");
        }
    }

    /** No leg gets a time limit; a carrier kept away is retried later. */
    public static class NoTimeLimits {
        public Object timeLimit(Leg leg, Message message) {
            return null;
        }

        public CarrierOutcome whenCarrierDown(Leg leg, CarrierConnector carrier) {
            return CarrierOutcome.retryLater(carrier.id() + " is kept away by its breaker");
        }
    }
}
