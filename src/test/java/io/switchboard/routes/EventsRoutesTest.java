package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.camel.Variables;
import io.switchboard.failover.FailoverRequest;
import io.switchboard.failover.Failovers;
import io.switchboard.json.Json;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.routing.RoutingRules;
import io.switchboard.store.Leg;
import io.switchboard.testing.RouteFileTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * routes/events.camel.yaml alone: publish-event turns an RCS failure whose recorded route fails over into a failover
 * request, and broadcasts any other event; broadcast-event records the event in the timeline and publishes it as JSON
 * in its message's group, under its dedupe key. The events topic and the failover request route are replaced by mocks,
 * the timeline is scripted; the failover decision is the real {@link Failovers#divert}.
 */
class EventsRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Envelope ENVELOPE = new Envelope("agent_demo", "+14155550101", Channel.RCS);
    private static final RoutingRules.Route FAILS_OVER = new RoutingRules.Route("rcs-first", "rcs-carrier",
            new RoutingRules.Failover(RoutingRules.FailoverMode.HUB, Duration.ofMinutes(5),
                    List.of(new RoutingRules.FailoverStep("sms-carrier", Channel.SMS))));
    private static final RoutingRules.Route STAYS_RCS = new RoutingRules.Route("rcs-only", "rcs-carrier",
            new RoutingRules.Failover(RoutingRules.FailoverMode.NONE, null, List.of()));

    private final ObjectMapper json = Json.newMapper();
    private final RecordingTimeline timeline = new RecordingTimeline();

    @Override
    protected String routeFile() {
        return "events.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        // the failover decision of an event about a leg reads only the route recorded on the leg
        return Map.of("failovers", new Failovers(null, null, null, null, null, null,
                Clock.fixed(NOW, ZoneOffset.UTC)),
                "timeline", timeline);
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "publish-event",
                route -> route.weaveById("event-request-failover").replace().to("mock:request-failover"));
        AdviceWith.adviceWith(context, "broadcast-event",
                route -> route.weaveById("event-send").replace().to("mock:events"));
    }

    @Test
    void shouldRecordAndPublishAnEventInItsMessagesGroupUnderItsDedupeKey() throws Exception {
        DeliveryEvent delivered = event(EventType.DELIVERED, "rcs-1", null);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        events.expectedHeaderReceived("SwitchboardMessageId", "msg_1");
        events.expectedHeaderReceived("SwitchboardTenantId", "demo");
        events.expectedHeaderReceived("JMSXGroupID", "msg_1");
        events.expectedHeaderReceived("_AMQ_DUPL_ID", "msg_1:rcs-1:message.delivered");
        getMockEndpoint("mock:request-failover").expectedMessageCount(0);

        publish(delivered, leg(FAILS_OVER));

        MockEndpoint.assertIsSatisfied(context);
        String published = events.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(json.readValue(published, DeliveryEvent.class)).as("at its place in the timeline")
                .isEqualTo(delivered.inSequence(1));
        assertThat(timeline.recorded).containsExactly(delivered);
    }

    @Test
    void shouldTurnAnRcsFailureWhoseRouteFailsOverIntoAFailoverRequestInsteadOfTheFailure() throws Exception {
        DeliveryEvent failed = event(EventType.FAILED, "rcs-1", "not RCS capable");
        MockEndpoint requests = getMockEndpoint("mock:request-failover");
        requests.expectedBodiesReceived(new FailoverRequest("msg_1", FailoverRequest.Trigger.FAILED, "rcs-carrier",
                "rcs-1", "not RCS capable", FAILS_OVER));
        getMockEndpoint("mock:events").expectedMessageCount(0);

        publish(failed, leg(FAILS_OVER));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(timeline.recorded).isEmpty();
    }

    @Test
    void shouldAskForFailoverWhenTheCarrierRefusedTheRcsLeg() throws Exception {
        DeliveryEvent refused = event(EventType.FAILED, null, "unknown agent");
        MockEndpoint requests = getMockEndpoint("mock:request-failover");
        requests.expectedMessageCount(1);

        publish(refused, leg(FAILS_OVER));

        requests.assertIsSatisfied();
        FailoverRequest request = requests.getReceivedExchanges().get(0).getMessage().getBody(FailoverRequest.class);
        assertThat(request.trigger()).isEqualTo(FailoverRequest.Trigger.REFUSED);
        assertThat(request.duplicateId()).isEqualTo("msg_1:failover:refused");
    }

    @Test
    void shouldPublishAnRcsFailureWhoseRouteDoesNotFailOver() throws Exception {
        DeliveryEvent failed = event(EventType.FAILED, "rcs-1", "not RCS capable");
        getMockEndpoint("mock:events").expectedHeaderReceived("_AMQ_DUPL_ID", "msg_1:rcs-1:message.failed");
        getMockEndpoint("mock:request-failover").expectedMessageCount(0);

        publish(failed, leg(STAYS_RCS));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(timeline.recorded).containsExactly(failed);
    }

    @Test
    void shouldPublishAnRcsFailureAboutNoLeg() throws Exception {
        DeliveryEvent expired = event(EventType.EXPIRED, "rcs-1", "expired at the carrier");
        getMockEndpoint("mock:events").expectedMessageCount(1);
        getMockEndpoint("mock:request-failover").expectedMessageCount(0);

        publish(expired, null);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(timeline.recorded).containsExactly(expired);
    }

    private void publish(DeliveryEvent event, Leg leg) {
        Exchange result = template.send("direct:publish-event", exchange -> {
            exchange.setVariable(Variables.LEG, leg);
            exchange.getMessage().setBody(event);
        });
        assertThat(result.getException()).isNull();
    }

    private static DeliveryEvent event(EventType type, String carrierMessageId, String reason) {
        return new DeliveryEvent("evt_1", type, NOW, "msg_1", "demo", "rcs-carrier", carrierMessageId, Channel.RCS,
                reason, ENVELOPE);
    }

    private static Leg leg(RoutingRules.Route route) {
        return new Leg("msg_1-1", "msg_1", "demo", 1, Channel.RCS, "rcs-carrier", "rcs-1", Leg.LegStatus.ACCEPTED,
                null, route, ENVELOPE);
    }

    /** The timeline's part of broadcast-event, keeping what it was asked to record, each at the next place. */
    public static class RecordingTimeline {
        final List<DeliveryEvent> recorded = new ArrayList<>();

        public DeliveryEvent record(DeliveryEvent event) {
            recorded.add(event);
            return event.inSequence(recorded.size());
        }
    }
}
