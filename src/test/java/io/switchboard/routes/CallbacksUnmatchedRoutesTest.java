package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.callback.CallbackLegs;
import io.switchboard.callback.CallbackTokens;
import io.switchboard.callback.UnmatchedCallback;
import io.switchboard.camel.DataTypeSteps;
import io.switchboard.dialect.channels.ChannelsCallbackToDeliveryEvent;
import io.switchboard.dialect.v1.V1CallbackToDeliveryEvent;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.store.Leg;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.KnownLegs;
import io.switchboard.testing.RouteFileTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * routes/callbacks-unmatched.camel.yaml alone: park-callback puts a verified callback whose leg is not known yet on the
 * unmatched queue as JSON; match-parked-callback (from direct: here, as the broker would deliver it, with its delivery
 * count) publishes the event of one whose leg is known now, read by the reader of its own dialect, hands one whose leg
 * is still unknown back to the broker (rollback) for a later attempt, and on the last attempt
 * ({@code switchboard.broker.callback-retry.attempts}) puts it on the dead-letter queue with its reason and the queue a
 * replay puts it back on. The broker sends and publishing are mocks; the leg lookup, the readers and the data type
 * step are real.
 */
class CallbacksUnmatchedRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-12-07T09:59:59Z");
    private static final int LAST_ATTEMPT = 37;
    private static final Envelope ENVELOPE = new Envelope("+14155550100", "+14155550123", Channel.SMS);
    private static final Leg V1_LEG = new Leg("msg_a-1", "msg_a", "demo", 1, Channel.SMS, "arowana-a", "arw_1",
            Leg.LegStatus.ACCEPTED, null, null, ENVELOPE);
    private static final Leg CHANNELS_LEG = new Leg("msg_c-1", "msg_c", "demo", 1, Channel.SMS, "bird", null,
            Leg.LegStatus.DISPATCHING, null, null, ENVELOPE);
    private static final UnmatchedCallback V1_DELIVERED = new UnmatchedCallback(Dialect.V1, List.of("arowana-a"),
            "arw_1", null, Fixtures.parse("""
                    {"id":"evt_1","event":"message.delivered","timestamp":"2026-12-07T09:59:30Z",
                     "data":{"message_id":"arw_1","status":"delivered","delivered_at":"2026-12-07T09:59:00Z"}}"""),
            RECEIVED);
    private static final UnmatchedCallback CHANNELS_DELIVERED = new UnmatchedCallback(Dialect.CHANNELS,
            List.of("bird"), "m-1", "msg_c-1", Fixtures.parse("""
                    {"id":"m-1","channelId":"ch-1","status":"delivered","reference":"msg_c-1",
                     "lastStatusAt":"2026-12-07T09:56:00Z"}"""), RECEIVED);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final KnownLegs legs = new KnownLegs();

    @Override
    protected String routeFile() {
        return "callbacks-unmatched.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("callbackLegs", new CallbackLegs(
                new CallbackTokens("a-test-secret-that-is-long-enough-0123456789"), legs, clock),
                "dataTypes", new DataTypeSteps());
    }

    @Override
    protected void advise() throws Exception {
        registerTransformers(new V1CallbackToDeliveryEvent(clock), new ChannelsCallbackToDeliveryEvent(clock));
        AdviceWith.adviceWith(context, "park-callback",
                route -> route.weaveById("park-callback-send").replace().to("mock:unmatched"));
        AdviceWith.adviceWith(context, "match-parked-callback", route -> {
            route.replaceFromWith("direct:parked-callback");
            route.weaveById("parked-callback-publish-event").replace().to("mock:publish-event");
            route.weaveById("parked-callback-dead-letter-send").replace().to("mock:dead-letters");
        });
    }

    @Test
    void shouldParkTheCallbackAsJsonOnTheUnmatchedQueue() {
        template.sendBody("direct:park-callback", CHANNELS_DELIVERED);

        MockEndpoint unmatched = getMockEndpoint("mock:unmatched");
        assertThat(unmatched.getReceivedExchanges()).singleElement().satisfies(sent ->
                assertThat(Fixtures.parse(sent.getMessage().getBody(String.class))).isEqualTo(Fixtures.parse("""
                        {"dialect":"channels","carrierIds":["bird"],"carrierMessageId":"m-1","legId":"msg_c-1",
                         "callback":{"id":"m-1","channelId":"ch-1","status":"delivered","reference":"msg_c-1",
                                     "lastStatusAt":"2026-12-07T09:56:00Z"},
                         "receivedAt":"2026-12-07T09:59:59Z"}""")));
    }

    @Test
    void shouldPublishTheEventOfAParkedCallbackWhoseLegIsKnownNowWithItsDialectsReader() {
        legs.sent(V1_LEG);

        Exchange attempt = deliver(V1_DELIVERED, 2);

        assertThat(attempt.isRollbackOnly()).isFalse();
        assertPublishedOnly(V1_LEG.event(EventType.DELIVERED, Instant.parse("2026-12-07T09:59:00Z"), "arw_1", null));
    }

    @Test
    void shouldMatchAChannelsNotificationByTheLegItsReferenceNames() {
        legs.sent(CHANNELS_LEG);

        deliver(CHANNELS_DELIVERED, 3);

        assertPublishedOnly(CHANNELS_LEG.event(EventType.DELIVERED, Instant.parse("2026-12-07T09:56:00Z"), "m-1",
                null));
    }

    @Test
    void shouldHandACallbackWhoseLegIsStillUnknownBackToTheBrokerForALaterAttempt() {
        Exchange attempt = deliver(V1_DELIVERED, 1);

        assertThat(attempt.getException()).isNull();
        assertThat(attempt.isRollbackOnly()).isTrue();
        assertThat(getMockEndpoint("mock:publish-event").getReceivedExchanges()).isEmpty();
        assertThat(getMockEndpoint("mock:dead-letters").getReceivedExchanges()).isEmpty();
    }

    @Test
    void shouldDeadLetterACallbackWithItsReasonWhenTheLastAttemptFindsNoLeg() {
        Exchange attempt = deliver(V1_DELIVERED, LAST_ATTEMPT);

        assertThat(attempt.isRollbackOnly()).isFalse();
        assertThat(getMockEndpoint("mock:publish-event").getReceivedExchanges()).isEmpty();
        assertThat(getMockEndpoint("mock:dead-letters").getReceivedExchanges()).singleElement().satisfies(letter -> {
            assertThat(letter.getMessage().getHeader("SwitchboardDeadLetterReason")).isEqualTo(
                    "no leg of arowana-a has message arw_1 after 37 attempts to match the callback");
            assertThat(letter.getMessage().getHeader("SwitchboardOriginalQueue"))
                    .isEqualTo("switchboard.callbacks.unmatched");
            assertThat(Fixtures.parse(letter.getMessage().getBody(String.class)))
                    .isEqualTo(Fixtures.MAPPER.valueToTree(V1_DELIVERED));
        });
    }

    @Test
    void shouldStillPublishWhenTheLastAttemptFindsTheLeg() {
        legs.sent(V1_LEG);

        deliver(V1_DELIVERED, LAST_ATTEMPT);

        assertPublishedOnly(V1_LEG.event(EventType.DELIVERED, Instant.parse("2026-12-07T09:59:00Z"), "arw_1", null));
        assertThat(getMockEndpoint("mock:dead-letters").getReceivedExchanges()).isEmpty();
    }

    /** The parked callback as the broker delivers it the {@code deliveryCount}th time. */
    private Exchange deliver(UnmatchedCallback parked, int deliveryCount) {
        String json = Fixtures.MAPPER.valueToTree(parked).toString();
        return template.send("direct:parked-callback", exchange -> {
            exchange.getMessage().setHeader("JMSXDeliveryCount", deliveryCount);
            exchange.getMessage().setBody(json);
        });
    }

    private void assertPublishedOnly(DeliveryEvent expected) {
        assertThat(getMockEndpoint("mock:publish-event").getReceivedExchanges()).singleElement()
                .satisfies(published -> assertThat(published.getMessage().getBody(DeliveryEvent.class))
                        .usingRecursiveComparison().ignoringFields("id").isEqualTo(expected));
    }
}
