package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.dialect.v1.V1Module;
import io.switchboard.events.DeliveryEvents;
import io.switchboard.failover.FailoverRequest;
import io.switchboard.failover.Failovers;
import io.switchboard.json.Json;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.routing.RoutingRules;
import io.switchboard.store.Leg;
import io.switchboard.store.MessageStore;
import io.switchboard.testing.RouteFileTest;
import jakarta.jms.Queue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * routes/failover.camel.yaml alone: request-failover and schedule-failover put a request on the failover queue once per
 * message and trigger (and, for a time limit, held back until it is due) without leaving the broker's headers to the
 * caller; the failover consumer acts on its decision (nothing to do, the RCS failure stands, or leg 2 claimed,
 * announced and sent) under the dispatch-consumer policy, whose last attempt dead-letters the request and fails the
 * message. The queues, broadcast-event and send-leg are replaced by mocks; the decision and the leg store are scripted.
 */
class FailoverRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final RoutingRules.Route ROUTE = new RoutingRules.Route("rcs-first", "rcs-carrier",
            new RoutingRules.Failover(RoutingRules.FailoverMode.HUB, Duration.ofMinutes(5),
                    List.of(new RoutingRules.FailoverStep("sms-carrier", Channel.SMS))));
    private static final FailoverRequest REQUEST = new FailoverRequest("msg_1", FailoverRequest.Trigger.FAILED,
            "rcs-carrier", "rcs-1", "not RCS capable", ROUTE);
    private static final Message SMS_LEG = new Message("msg_1", "demo", Dialect.V1, null, "+14155550100",
            "+14155550101", new SmsContent("hello"), FailoverPlan.none(), null, null, null, null, NOW);
    private static final CarrierConnector SMS_CARRIER = new CarrierConnector("sms-carrier", Dialect.V1,
            V1Module.CARRIER_SIDE.capabilities(), "http://127.0.0.1:1", "Bearer k", null, null, "secret", null, null,
            Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(1));
    private static final Leg CLAIMED = new Leg("msg_1-2", "msg_1", "demo", 2, Channel.SMS, "sms-carrier", null,
            Leg.LegStatus.DISPATCHING, null, ROUTE, Envelope.of(SMS_LEG));
    private static final Queue FAILOVER_QUEUE = () -> "switchboard.failover";

    private final ObjectMapper json = Json.newMapper();
    private final ScriptedDecisions failovers = new ScriptedDecisions();
    private final ScriptedLegs legs = new ScriptedLegs();

    @Override
    protected String routeFile() {
        return "failover.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        DeliveryEvents events = new DeliveryEvents(Clock.fixed(NOW, ZoneOffset.UTC), new StoredMessage(SMS_LEG));
        return Map.of("failovers", failovers, "legStore", legs, "deliveryEvents", events);
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "request-failover",
                route -> route.weaveById("failover-request-send").replace().to("mock:failover-queue"));
        AdviceWith.adviceWith(context, "failover", route -> {
            route.replaceFromWith("direct:failover");
            // the test sends only to the three routes' own direct: endpoints
            route.mockEndpointsAndSkip("direct:broadcast-event", "direct:send-leg", "jms:*");
        });
    }

    @Test
    void shouldQueueOneRequestPerMessageAndTriggerAndLeaveNoBrokerHeaderToTheCaller() throws Exception {
        MockEndpoint queue = getMockEndpoint("mock:failover-queue");
        queue.expectedHeaderReceived("SwitchboardMessageId", "msg_1");
        queue.expectedHeaderReceived("_AMQ_DUPL_ID", "msg_1:failover:failed");

        Exchange caller = template.send("direct:request-failover", exchange -> exchange.getMessage().setBody(REQUEST));

        queue.assertIsSatisfied();
        String queued = queue.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(json.readValue(queued, FailoverRequest.class)).isEqualTo(REQUEST);
        assertThat(caller.getMessage().getHeaders()).doesNotContainKey("_AMQ_DUPL_ID");
    }

    @Test
    void shouldHoldATimeLimitBackUntilItIsDueWithoutHoldingBackWhatTheCallerSendsNext() throws Exception {
        FailoverRequest timeLimit = new FailoverRequest("msg_1", FailoverRequest.Trigger.TIME_LIMIT, "rcs-carrier",
                "rcs-1", "not delivered within 300s", ROUTE);
        long dueAt = NOW.plus(Duration.ofMinutes(5)).toEpochMilli();
        MockEndpoint queue = getMockEndpoint("mock:failover-queue");
        queue.expectedHeaderReceived("_AMQ_SCHED_DELIVERY", dueAt);
        queue.expectedHeaderReceived("_AMQ_DUPL_ID", "msg_1:failover:time_limit");

        Exchange caller = template.send("direct:schedule-failover",
                exchange -> exchange.getMessage().setBody(new Failovers.ScheduledFailover(timeLimit, dueAt)));

        queue.assertIsSatisfied();
        String queued = queue.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(json.readValue(queued, FailoverRequest.class)).isEqualTo(timeLimit);
        assertThat(caller.getMessage().getHeaders()).doesNotContainKeys("_AMQ_SCHED_DELIVERY", "_AMQ_DUPL_ID");
    }

    @Test
    void shouldClaimLegTwoAnnounceTheFailoverAndSendTheLeg() throws Exception {
        DeliveryEvent failover = failoverEvent(EventType.FAILOVER, "failed: not RCS capable");
        failovers.next = new Failovers.FailoverDecision(SMS_CARRIER, SMS_LEG, ROUTE, failover, null);
        legs.claimed = CLAIMED;
        getMockEndpoint("mock:direct:broadcast-event").expectedBodiesReceived(failover);
        MockEndpoint sendLeg = getMockEndpoint("mock:direct:send-leg");
        sendLeg.expectedBodiesReceived(SMS_LEG);

        consume(REQUEST, 1);

        MockEndpoint.assertIsSatisfied(context);
        Exchange sent = sendLeg.getReceivedExchanges().get(0);
        assertThat(sent.getVariable(Variables.CARRIER)).isEqualTo(SMS_CARRIER);
        assertThat(sent.getVariable(Variables.LEG)).isEqualTo(CLAIMED);
        assertThat(sent.getVariable(Variables.MESSAGE)).isEqualTo(SMS_LEG);
        assertThat(failovers.decided).containsExactly(REQUEST);
        assertThat(legs.claims).containsExactly(List.of(SMS_LEG, 2, Channel.SMS, "sms-carrier", "ID:request-1", ROUTE));
        assertThat(failovers.counted).containsExactly(List.of(REQUEST, SMS_LEG));
    }

    @Test
    void shouldSendNothingWhenAnotherRequestClaimedLegTwo() throws Exception {
        failovers.next = new Failovers.FailoverDecision(SMS_CARRIER, SMS_LEG, ROUTE,
                failoverEvent(EventType.FAILOVER, "expired"), null);
        legs.claimed = null;
        getMockEndpoint("mock:direct:broadcast-event").expectedMessageCount(0);
        getMockEndpoint("mock:direct:send-leg").expectedMessageCount(0);

        consume(REQUEST, 1);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(legs.claims).hasSize(1);
        assertThat(failovers.counted).isEmpty();
    }

    @Test
    void shouldPublishTheRcsFailureWhenNoCarrierOfTheChainCarriesALeg() throws Exception {
        DeliveryEvent failed = failoverEvent(EventType.FAILED, "not RCS capable");
        failovers.next = new Failovers.FailoverDecision(null, null, null, failed, null);
        getMockEndpoint("mock:direct:broadcast-event").expectedBodiesReceived(failed);
        getMockEndpoint("mock:direct:send-leg").expectedMessageCount(0);

        consume(REQUEST, 1);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(legs.claims).isEmpty();
    }

    @Test
    void shouldDoNothingWhenNoFailoverIsNeeded() throws Exception {
        failovers.next = new Failovers.FailoverDecision(null, null, null, null, "RCS was delivered in time");
        getMockEndpoint("mock:direct:broadcast-event").expectedMessageCount(0);
        getMockEndpoint("mock:direct:send-leg").expectedMessageCount(0);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("failover").whenCompleted(1).create();

        consume(REQUEST, 1);

        assertThat(done.matches(5, TimeUnit.SECONDS)).isTrue();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(legs.claims).isEmpty();
    }

    @Test
    void shouldLeaveAFailedAttemptToTheBrokersRetry() throws Exception {
        failovers.failure = new IllegalStateException("database away");
        getMockEndpoint("mock:jms:queue:switchboard.dlq").expectedMessageCount(0);
        getMockEndpoint("mock:direct:broadcast-event").expectedMessageCount(0);

        Exchange attempt = consume(REQUEST, 24);

        assertThat(attempt.getException()).hasMessageContaining("database away");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldDeadLetterTheRequestAndFailTheMessageOnTheLastAttempt() throws Exception {
        failovers.failure = new IllegalStateException("database away");
        MockEndpoint deadLetters = getMockEndpoint("mock:jms:queue:switchboard.dlq");
        deadLetters.expectedHeaderReceived("SwitchboardDeadLetterReason", "database away");
        deadLetters.expectedHeaderReceived("SwitchboardOriginalQueue", "switchboard.failover");
        MockEndpoint published = getMockEndpoint("mock:direct:broadcast-event");
        published.expectedMessageCount(1);

        Exchange attempt = consume(REQUEST, 25);

        assertThat(attempt.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        String deadLettered = deadLetters.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(json.readValue(deadLettered, FailoverRequest.class)).isEqualTo(REQUEST);
        DeliveryEvent failed = published.getReceivedExchanges().get(0).getMessage().getBody(DeliveryEvent.class);
        assertThat(failed.type()).isEqualTo(EventType.FAILED);
        assertThat(failed.messageId()).isEqualTo("msg_1");
        assertThat(failed.reason()).isEqualTo("retries exhausted, moved to the dead-letter queue: database away");
    }

    /** The request as the broker hands it over: JSON, with the headers request-failover set, on its nth attempt. */
    private Exchange consume(FailoverRequest request, int attempt) throws Exception {
        String body = json.writeValueAsString(request);
        return template.send("direct:failover", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("SwitchboardMessageId", request.messageId());
            exchange.getMessage().setHeader("JMSMessageID", "ID:request-1");
            exchange.getMessage().setHeader("JMSXDeliveryCount", attempt);
            exchange.getMessage().setHeader("JMSDestination", FAILOVER_QUEUE);
        });
    }

    private static DeliveryEvent failoverEvent(EventType type, String reason) {
        return new DeliveryEvent("evt_2", type, NOW, "msg_1", "demo", "rcs-carrier", null, Channel.RCS, reason,
                Envelope.of(SMS_LEG));
    }

    /**
     * Decides what the test says, or fails as it says, keeping the requests it was asked about and the failovers it
     * was told to count.
     */
    public static class ScriptedDecisions {
        final List<FailoverRequest> decided = new ArrayList<>();
        final List<List<Object>> counted = new ArrayList<>();
        Failovers.FailoverDecision next;
        RuntimeException failure;

        public Failovers.FailoverDecision decide(FailoverRequest request) {
            decided.add(request);
            if (failure != null) {
                throw failure;
            }
            return next;
        }

        public void failedOver(FailoverRequest request, Message leg) {
            counted.add(List.of(request, leg));
        }
    }

    /** The leg store's claim of leg 2: the leg the test says, or null when another request holds it. */
    public static class ScriptedLegs {
        final List<List<Object>> claims = new ArrayList<>();
        Leg claimed;

        public Leg claimLeg(Message message, int legNumber, Channel channel, String carrierId, String claimant,
                RoutingRules.Route route) {
            claims.add(List.of(message, legNumber, channel, carrierId, claimant, route));
            return claimed;
        }
    }

    /** A message store holding one message, for the event that fails it. */
    static class StoredMessage extends MessageStore {
        private final Message message;

        StoredMessage(Message message) {
            super(null, null, null, null, null, null);
            this.message = message;
        }

        @Override
        public Optional<Message> findMessage(String messageId) {
            return Optional.of(message).filter(stored -> stored.id().equals(messageId));
        }
    }
}
