package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.api.ApiRefusals;
import io.switchboard.api.JsonBodies;
import io.switchboard.callback.CallbackLegs;
import io.switchboard.callback.CallbackResponses;
import io.switchboard.callback.CallbackTokens;
import io.switchboard.callback.UnmatchedCallback;
import io.switchboard.json.Json;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.InboundEvent;
import io.switchboard.web.ApiErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Transformer;
import org.springframework.util.unit.DataSize;

/**
 * A callbacks file of {@code routes/} driven alone: its route {@code <dialect>-callback}, into which Camel inlines the
 * REST verb {@code POST /callbacks/<dialect>} (so it consumes from {@code direct:<dialect>-callback} here rather than
 * HTTP), proves who sent a carrier's callback, finds the leg it is about, and publishes the normalized event, or
 * parks a callback whose leg is not known yet, or hands a user's message or typing on as an inbound event, refusing
 * what it cannot take in the callbacks' error shape (the {@code api} error policy, group {@code callbacks}).
 * Publishing ({@code direct:publish-event}), parking ({@code direct:park-callback}) and the inbound flow
 * ({@code direct:inbound}) are mocks; the signature checks, the callback and inbound readers,
 * the error policy's beans and {@link CallbackLegs} are the real ones, over the legs a test says the hub has sent
 * ({@link KnownLegs}) and the carrier accounts it configures ({@link CarrierAccounts}).
 */
public abstract class CallbackRouteFileTest extends RouteFileTest {

    /** When the hub sees the callbacks, for those that do not say when things happened. */
    protected static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    protected final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    protected final KnownLegs legs = new KnownLegs();
    protected final CallbackTokens tokens = new CallbackTokens("a-test-secret-that-is-long-enough-0123456789");
    protected final JsonBodies jsonBodies = new JsonBodies(Json.newMapper(), DataSize.ofKilobytes(256));
    protected final CallbackLegs callbackLegs = new CallbackLegs(tokens, legs, clock);

    /**
     * The dialect's id: the file is {@code callbacks-<dialect>.camel.yaml}, its route {@code <dialect>-callback},
     * consuming {@code direct:<dialect>-callback}.
     */
    protected abstract String dialect();

    /** The dialect's callback reader, its {@code <dialect>:callback} to {@code canonical:delivery-event}. */
    protected abstract Transformer reader();

    /** The dialect's reader of users' events, its {@code <dialect>:inbound} to {@code canonical:inbound-event}. */
    protected abstract Transformer inboundReader();

    /** The dialect's own beans the route calls (its signatures, its reader by name), by the names the route uses. */
    protected abstract Map<String, Object> dialectBeans();

    @Override
    protected String routeFile() {
        return "callbacks-" + dialect() + ".camel.yaml";
    }

    @Override
    protected final Map<String, Object> beans() {
        CallbackResponses responses = new CallbackResponses();
        Map<String, Object> beans = new HashMap<>(Map.of("jsonBodies", jsonBodies,
                "callbackLegs", callbackLegs, "callbackResponses", responses,
                "apiRefusals", new ApiRefusals(Duration.ofSeconds(5)),
                "apiErrors", new ApiErrors(DialectModulesForTests.carrierSides(), responses,
                        new HubMetrics(new SimpleMeterRegistry(), 8))));
        beans.putAll(dialectBeans());
        return beans;
    }

    @Override
    protected void advise() throws Exception {
        registerTransformers(reader(), inboundReader());
        // the REST verb is inlined into the route it calls, which so listens on HTTP in the hub and on direct: here
        AdviceWith.adviceWith(context, dialect() + "-callback", route -> {
            route.replaceFromWith("direct:" + dialect() + "-callback");
            route.mockEndpointsAndSkip("direct:publish-event", "direct:park-callback", "direct:inbound");
        });
    }

    /** Posts a callback with these headers (and query parameters) to {@code POST /callbacks/<dialect>}. */
    protected Exchange post(byte[] body, Map<String, Object> headers) {
        return template.send("direct:" + dialect() + "-callback", exchange -> {
            exchange.getMessage().setHeaders(new HashMap<>(headers));
            exchange.getMessage().setBody(body);
        });
    }

    /** Where the route publishes events. */
    protected MockEndpoint publishEvent() {
        return getMockEndpoint("mock:direct:publish-event");
    }

    /** The callbacks the route parked until their leg is known. */
    protected List<UnmatchedCallback> parked() {
        return getMockEndpoint("mock:direct:park-callback").getReceivedExchanges().stream()
                .map(exchange -> exchange.getMessage().getBody(UnmatchedCallback.class)).toList();
    }

    /** The users' messages and typing the route handed to the inbound flow. */
    protected List<InboundEvent> inbound() {
        return getMockEndpoint("mock:direct:inbound").getReceivedExchanges().stream()
                .map(exchange -> exchange.getMessage().getBody(InboundEvent.class)).toList();
    }

    /** The events the route published. */
    protected List<DeliveryEvent> published() {
        return publishEvent().getReceivedExchanges().stream()
                .map(exchange -> exchange.getMessage().getBody(DeliveryEvent.class)).toList();
    }

    /** The callback was taken: answered 200 with the receipt carriers get. */
    protected static void assertReceived(Exchange answer) {
        assertAnswered(answer, 200, "{\"status\":\"received\"}");
    }

    /** The callback was taken (200, the receipt) and published this one event (its id, new for each, aside). */
    protected void assertPublishedOnly(Exchange answer, DeliveryEvent expected) {
        assertReceived(answer);
        assertThat(published()).singleElement().usingRecursiveComparison().ignoringFields("id").isEqualTo(expected);
    }

    /** The callback was acknowledged (200, the receipt), and nothing was published, parked or handed on. */
    protected void assertAcknowledgedOnly(Exchange answer) {
        assertReceived(answer);
        assertThat(published()).isEmpty();
        assertThat(parked()).isEmpty();
        assertThat(inbound()).isEmpty();
    }

    /**
     * The callback was taken (200, the receipt) and handed this one inbound event (its id, new for each, aside) to the
     * inbound flow, with nothing published or parked.
     */
    protected void assertInboundOnly(Exchange answer, InboundEvent expected) {
        assertReceived(answer);
        assertThat(published()).isEmpty();
        assertThat(parked()).isEmpty();
        assertThat(inbound()).singleElement().usingRecursiveComparison().ignoringFields("id").isEqualTo(expected);
        assertThat(inbound().get(0).id()).startsWith("inb_");
    }

    /** The callback was taken (200, the receipt) and parked as this one, with nothing published. */
    protected void assertParkedOnly(Exchange answer, UnmatchedCallback expected) {
        assertReceived(answer);
        assertThat(published()).isEmpty();
        assertThat(parked()).containsExactly(expected);
    }

    /** The callback was refused with this status and this JSON body, and nothing was published or handed on. */
    protected void assertRefused(Exchange answer, int status, String json) {
        assertAnswered(answer, status, json);
        assertThat(published()).isEmpty();
        assertThat(inbound()).isEmpty();
    }

    /** The route answered the carrier with this status and this JSON body (compared as trees). */
    protected static void assertAnswered(Exchange answer, int status, String json) {
        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class)).isEqualTo(status);
        assertThat(Fixtures.parse(answer.getMessage().getBody(String.class))).isEqualTo(Fixtures.parse(json));
    }
}
