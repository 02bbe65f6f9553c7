package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.json.Json;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.module.DialectModules;
import io.switchboard.tenant.TenantProperties;
import io.switchboard.testing.DialectModulesForTests;
import io.switchboard.testing.RouteFileTest;
import io.switchboard.webhook.StatusCallbackTargets;
import io.switchboard.webhook.WebhookDelivery;
import io.switchboard.webhook.WebhookEndpointProperties;
import io.switchboard.webhook.WebhookEndpointUnavailableException;
import io.switchboard.webhook.WebhookEndpoints;
import io.switchboard.webhook.WebhookFanOut;
import io.switchboard.webhook.WebhookRequests;
import io.switchboard.webhook.WebhookSigner;
import io.switchboard.webhook.WebhookSubscription;
import io.switchboard.webhook.WebhookSubscriptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * routes/webhooks.camel.yaml alone: webhook-fan-out queues one delivery per subscription of the event's tenant that
 * wants it, outside the message's group and under its own duplicate id; webhook-delivery posts each delivery signed
 * for this attempt within its endpoint's limits, drops one whose subscription is gone, parks one whose endpoint's
 * breaker is open and sends one whose endpoint has its share in flight back to the broker. The queues and the
 * subscriber's endpoint are replaced by mocks, the subscriptions are held in memory; the fan-out, the endpoints'
 * limits, the signing and the v1 payloads are the hub's own.
 */
class WebhooksRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final WebhookSigner SIGNER = new WebhookSigner();
    private static final WebhookSubscription DELIVERED_HOOK = subscription("wh_1", "demo", "https://hooks.example/a",
            Dialect.V1, EventType.DELIVERED, EventType.FAILED);
    private static final WebhookSubscription ALSO_DELIVERED_HOOK = subscription("wh_2", "demo",
            "https://other.example/b", Dialect.V1, EventType.DELIVERED);
    private static final WebhookSubscription FAILED_HOOK = subscription("wh_3", "demo", "https://hooks.example/c",
            Dialect.V1, EventType.FAILED);
    private static final WebhookSubscription OTHER_TENANTS_HOOK = subscription("wh_4", "other",
            "https://hooks.example/d", Dialect.V1, EventType.DELIVERED);
    private static final DeliveryEvent DELIVERED = new DeliveryEvent("evt_1", EventType.DELIVERED, NOW, "msg_1", "demo",
            "rcs-carrier", "rcs-1", Channel.RCS, null, new Envelope("agent_demo", "+14155550101", Channel.RCS));
    private static final String PAYLOAD = "{\"event\":\"message.delivered\",\"id\":\"evt_1\"}";

    private final ObjectMapper json = Json.newMapper();
    private final DialectModules dialects = DialectModulesForTests.withV1(new TenantProperties(null, null));
    private final StoredSubscriptions subscriptions = new StoredSubscriptions();
    // one post at a time per endpoint; one failed post opens its breaker, which stays open through the test, so
    // nothing parked is ever released
    private final WebhookEndpoints endpoints = new WebhookEndpoints(new WebhookEndpointProperties(1, Duration.ZERO,
            Duration.ofSeconds(5), 50, 1, 1, Duration.ofMinutes(10), 1), (endpoint, atMost) -> 0);

    @Override
    protected String routeFile() {
        return "webhooks.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("webhookFanOut", new WebhookFanOut(subscriptions, dialects, null),
                "webhookEndpoints", endpoints,
                "webhookRequests", new WebhookRequests(subscriptions,
                        new StatusCallbackTargets(new TenantProperties(null, null), dialects), dialects,
                        Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "webhook-fan-out", route -> {
            route.replaceFromWith("direct:webhook-fan-out");
            route.weaveById("queue-delivery").replace().to("mock:deliveries");
        });
        AdviceWith.adviceWith(context, "webhook-delivery", route -> {
            route.replaceFromWith("direct:webhook-delivery");
            route.weaveById("park-delivery").replace().to("mock:parked");
            route.weaveById("post-webhook").replace().to("mock:subscriber");
        });
    }

    @AfterEach
    void stopTheEndpointsReleases() {
        endpoints.destroy();
    }

    @Test
    void shouldQueueOneDeliveryPerSubscriptionThatWantsTheEventOutsideTheMessagesGroup() throws Exception {
        subscriptions.stored.addAll(List.of(DELIVERED_HOOK, ALSO_DELIVERED_HOOK, FAILED_HOOK, OTHER_TENANTS_HOOK));
        String payload = dialects.of(Dialect.V1).webhookRendering().orElseThrow().payload(DELIVERED,
                DELIVERED.envelope());
        MockEndpoint deliveries = getMockEndpoint("mock:deliveries");
        deliveries.expectedHeaderValuesReceivedInAnyOrder("_AMQ_DUPL_ID", "wh_1:evt_1", "wh_2:evt_1");

        Exchange result = fanOut(DELIVERED);

        assertThat(result.getException()).isNull();
        deliveries.assertIsSatisfied();
        assertThat(deliveries.getReceivedExchanges()).allSatisfy(
                queued -> assertThat(queued.getMessage().getHeaders()).doesNotContainKey("JMSXGroupID"));
        assertThat(deliveries.getReceivedExchanges().stream().map(this::delivery)).containsExactly(
                WebhookDelivery.of(DELIVERED_HOOK, "evt_1", payload),
                WebhookDelivery.of(ALSO_DELIVERED_HOOK, "evt_1", payload));
    }

    @Test
    void shouldQueueNothingWhenNoSubscriptionWantsTheEvent() throws Exception {
        subscriptions.stored.addAll(List.of(FAILED_HOOK, OTHER_TENANTS_HOOK));
        getMockEndpoint("mock:deliveries").expectedMessageCount(0);

        Exchange result = fanOut(DELIVERED);

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldLeaveAnEventItCannotRenderToTheBrokersRetry() throws Exception {
        subscriptions.stored.addAll(List.of(DELIVERED_HOOK, subscription("wh_5", "demo", "https://hooks.example/e",
                Dialect.CHANNELS, EventType.DELIVERED)));
        getMockEndpoint("mock:deliveries").expectedMessageCount(0);

        Exchange result = fanOut(DELIVERED);

        assertThat(result.getException()).hasMessageContaining("Subscriptions in channels get no webhooks");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldPostTheDeliverySignedForThisAttempt() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        MockEndpoint subscriber = getMockEndpoint("mock:subscriber");
        subscriber.expectedBodiesReceived(PAYLOAD);
        subscriber.expectedHeaderReceived("CamelHttpUri", "https://hooks.example/a");
        subscriber.expectedHeaderReceived("CamelHttpMethod", "POST");
        subscriber.expectedHeaderReceived("Content-Type", "application/json");
        subscriber.expectedHeaderReceived("webhook-id", "evt_1");
        subscriber.expectedHeaderReceived("webhook-timestamp", NOW.getEpochSecond());
        getMockEndpoint("mock:parked").expectedMessageCount(0);

        Exchange result = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        String signature = subscriber.getReceivedExchanges().get(0).getMessage().getHeader("webhook-signature",
                String.class);
        assertThat(SIGNER.verifies(DELIVERED_HOOK.secret(), "evt_1", NOW.getEpochSecond(),
                PAYLOAD.getBytes(StandardCharsets.UTF_8), signature)).as(signature).isTrue();
    }

    @Test
    void shouldGiveTheEndpointItsPostBackOnceThePostIsOver() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        getMockEndpoint("mock:subscriber").expectedMessageCount(2);

        deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));
        Exchange second = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_2", PAYLOAD));

        assertThat(second.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(endpoints.state("https://hooks.example/a")).isEqualTo("CLOSED");
    }

    @Test
    void shouldDropADeliveryWhoseSubscriptionWasDeleted() throws Exception {
        getMockEndpoint("mock:subscriber").expectedMessageCount(0);
        getMockEndpoint("mock:parked").expectedMessageCount(0);

        Exchange result = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldSendAFailedPostBackToTheBrokerAndCountItAgainstTheEndpoint() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        subscriberAnswers503();

        Exchange result = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(result.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(endpoints.state("https://hooks.example/a")).isEqualTo("OPEN");
    }

    @Test
    void shouldParkADeliveryWhoseEndpointsBreakerIsOpenUntilTheEndpointIsTriedAgain() throws Exception {
        subscriptions.stored.addAll(List.of(DELIVERED_HOOK, FAILED_HOOK));
        subscriberAnswers503();
        deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));
        WebhookDelivery sameEndpoint = WebhookDelivery.of(FAILED_HOOK, "evt_2", PAYLOAD);
        MockEndpoint parked = getMockEndpoint("mock:parked");
        parked.expectedHeaderReceived("SwitchboardWebhookEndpoint", "https://hooks.example:443");
        parked.expectedHeaderReceived("SwitchboardOriginalQueue", "switchboard.webhook.deliveries");
        getMockEndpoint("mock:subscriber").expectedMessageCount(1);

        Exchange result = deliver(sameEndpoint);

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        Exchange parkedCopy = parked.getReceivedExchanges().get(0);
        assertThat(delivery(parkedCopy)).isEqualTo(sameEndpoint);
        assertThat(parkedCopy.getMessage().getHeaders()).doesNotContainKey("_AMQ_DUPL_ID")
                .containsKey("SwitchboardDeadLetterReason");
    }

    @Test
    void shouldSendADeliveryWhoseEndpointHasItsPostsInFlightBackToTheBroker() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        WebhookEndpoints.Attempt inFlight = endpoints.admit(WebhookDelivery.of(DELIVERED_HOOK, "evt_0", PAYLOAD));
        getMockEndpoint("mock:subscriber").expectedMessageCount(0);
        getMockEndpoint("mock:parked").expectedMessageCount(0);

        Exchange result = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(result.getException()).isExactlyInstanceOf(WebhookEndpointUnavailableException.class);
        MockEndpoint.assertIsSatisfied(context);
        endpoints.finish(inFlight, null);
    }

    private void subscriberAnswers503() {
        getMockEndpoint("mock:subscriber").whenAnyExchangeReceived(exchange -> {
            throw new HttpOperationFailedException(exchange.getMessage().getHeader("CamelHttpUri", String.class), 503,
                    "Service Unavailable", null, Map.of(), "");
        });
    }

    /** The event as the fan-out's queue hands it over: JSON, in its message's group. */
    private Exchange fanOut(DeliveryEvent event) throws Exception {
        String body = json.writeValueAsString(event);
        return template.send("direct:webhook-fan-out", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("JMSXGroupID", event.messageId());
        });
    }

    /** The delivery as its queue hands it over: JSON, under the duplicate id the fan-out gave it. */
    private Exchange deliver(WebhookDelivery delivery) throws Exception {
        String body = json.writeValueAsString(delivery);
        return template.send("direct:webhook-delivery", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("_AMQ_DUPL_ID", delivery.id());
        });
    }

    private WebhookDelivery delivery(Exchange queued) {
        try {
            return json.readValue(queued.getMessage().getBody(String.class), WebhookDelivery.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static WebhookSubscription subscription(String id, String tenantId, String url, Dialect dialect,
            EventType... events) {
        return new WebhookSubscription(id, tenantId, URI.create(url), Set.of(events), SIGNER.newSecret(), dialect,
                NOW);
    }

    /** The subscriptions the test stores, as the fan-out and the signing find them. */
    static class StoredSubscriptions extends WebhookSubscriptions {
        final List<WebhookSubscription> stored = new ArrayList<>();

        StoredSubscriptions() {
            super(null, null, null, null);
        }

        @Override
        public Optional<WebhookSubscription> find(String id) {
            return stored.stream().filter(subscription -> subscription.id().equals(id)).findFirst();
        }

        @Override
        public List<WebhookSubscription> forTenant(String tenantId) {
            return stored.stream().filter(subscription -> subscription.tenantId().equals(tenantId)).toList();
        }
    }
}
