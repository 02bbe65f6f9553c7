package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Inbound;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserMessage;
import io.switchboard.testing.RouteFileTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * routes/inbound.camel.yaml alone: inbound publishes every event a user's message or typing makes, in order, through
 * the hub's event broadcast and then on the legacy consumers' address; none when no tenant's message went to the
 * user; conversation-expiry publishes conversation.ended of each lapsed conversation. The events are scripted, the
 * broadcast and the address are mocks.
 */
class InboundRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Envelope ENVELOPE = new Envelope("agent_demo", "+15557400610", Channel.RCS);
    private static final InboundEvent REPLY = new InboundEvent("inb_1", EventType.RECEIVED, NOW, "sandbox-v5",
            "mo-1", Channel.RCS, "agent_demo", "+15557400610", UserMessage.suggestion("Yes", "YES"), null);

    private final ScriptedInboundEvents inboundEvents = new ScriptedInboundEvents();

    @Override
    protected String routeFile() {
        return "inbound.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("inboundEvents", inboundEvents);
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "publish-inbound", route -> {
            route.weaveById("inbound-broadcast").replace().to("mock:broadcast");
            route.weaveById("inbound-for-legacy-consumers").replace().to("mock:legacy");
        });
        AdviceWith.adviceWith(context, "conversation-expiry",
                route -> route.replaceFromWith("direct:conversation-expiry"));
    }

    @Test
    void shouldPublishEveryEventOfAUsersMessageInOrderForWebhooksAndLegacyConsumers() throws Exception {
        DeliveryEvent started = event("evt_1", EventType.CONVERSATION_STARTED);
        DeliveryEvent received = event("evt_2", EventType.RECEIVED);
        inboundEvents.events.addAll(List.of(started, received));
        getMockEndpoint("mock:broadcast").expectedBodiesReceived(started, received);
        getMockEndpoint("mock:legacy").expectedBodiesReceived(started, received);

        Exchange result = template.send("direct:inbound", exchange -> exchange.getMessage().setBody(REPLY));

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(inboundEvents.asked).containsExactly(REPLY);
    }

    @Test
    void shouldPublishNothingWhenNoTenantWroteToTheUser() throws Exception {
        getMockEndpoint("mock:broadcast").expectedMessageCount(0);
        getMockEndpoint("mock:legacy").expectedMessageCount(0);

        Exchange result = template.send("direct:inbound", exchange -> exchange.getMessage().setBody(REPLY));

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldHandTheCallbackRouteAFailureSoTheCarrierSendsAgain() throws Exception {
        inboundEvents.failure = new IllegalStateException("database away");
        getMockEndpoint("mock:broadcast").expectedMessageCount(0);

        Exchange result = template.send("direct:inbound", exchange -> exchange.getMessage().setBody(REPLY));

        assertThat(result.getException()).hasMessage("database away");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldPublishTheEndOfEachLapsedConversation() throws Exception {
        DeliveryEvent ended = event("evt_3", EventType.CONVERSATION_ENDED);
        inboundEvents.lapsed.add(ended);
        getMockEndpoint("mock:broadcast").expectedBodiesReceived(ended);
        getMockEndpoint("mock:legacy").expectedBodiesReceived(ended);

        template.sendBody("direct:conversation-expiry", null);

        MockEndpoint.assertIsSatisfied(context);
    }

    private static DeliveryEvent event(String id, EventType type) {
        return new DeliveryEvent(id, type, NOW, "msg_1", "demo", "sandbox-v5", "mo-1", Channel.RCS, null, ENVELOPE,
                null, new Inbound("conv_1", "agent_demo", "+15557400610", REPLY.message(), NOW.plusSeconds(86_400),
                        "inb_1"));
    }

    /** The inbound events' part, scripted: what a user's action makes, and the conversations that lapsed. */
    public static class ScriptedInboundEvents {
        final List<InboundEvent> asked = new ArrayList<>();
        final List<DeliveryEvent> events = new ArrayList<>();
        final List<DeliveryEvent> lapsed = new ArrayList<>();
        RuntimeException failure;

        public List<DeliveryEvent> eventsFor(InboundEvent inbound) {
            asked.add(inbound);
            if (failure != null) {
                throw failure;
            }
            return events;
        }

        public List<DeliveryEvent> endLapsed() {
            return lapsed;
        }
    }
}
