package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.broker.BrokerProperties;
import io.switchboard.json.Json;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.module.DialectModules;
import io.switchboard.store.PathRecords;
import io.switchboard.store.WebhookAttemptRecord;
import io.switchboard.tenant.TenantProperties;
import io.switchboard.testing.DialectModulesForTests;
import io.switchboard.testing.RouteFileTest;
import io.switchboard.webhook.StatusCallbackTargets;
import io.switchboard.webhook.WebhookAttempts;
import io.switchboard.webhook.WebhookDelivery;
import io.switchboard.webhook.WebhookEndpointProperties;
import io.switchboard.webhook.WebhookEndpointUnavailableException;
import io.switchboard.webhook.WebhookEndpoints;
import io.switchboard.webhook.WebhookFanOut;
import io.switchboard.webhook.WebhookHealth;
import io.switchboard.webhook.WebhookHealth.DisabledReason;
import io.switchboard.webhook.WebhookHealth.Failure;
import io.switchboard.webhook.WebhookOutcomes;
import io.switchboard.webhook.WebhookPolicy;
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
 * wants it (none to a disabled one), outside the message's group and under its own duplicate id; webhook-delivery posts
 * each delivery signed for this attempt (with each secret in force) within its endpoint's limits, drops one whose
 * subscription is gone or disabled, parks one whose endpoint's breaker is open and sends one whose endpoint has its
 * share in flight back to the broker; after a failure it keeps the subscription's state, disables it on a 410 or a
 * failing spell too long, sends the delivery again for the time a Retry-After asks, and dead-letters a copy whose
 * attempts are spent; each post about a message goes into its path, numbered across copies. The queues and the
 * subscriber's endpoint are replaced by mocks, the subscriptions are held in memory, the path's records in a list; the
 * fan-out, the endpoints' limits, the signing and the v1 payloads are the hub's own.
 */
class WebhooksRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
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
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<PathRecords.Record> recorded = new ArrayList<>();
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
                        new StatusCallbackTargets(new TenantProperties(null, null), dialects), dialects, CLOCK),
                "webhookOutcomes", new WebhookOutcomes(subscriptions, configuration("switchboard.webhooks",
                        WebhookPolicy.class), configuration("switchboard.broker", BrokerProperties.class), meters,
                        new HubMetrics(meters, 8), CLOCK),
                "webhookAttempts", new WebhookAttempts(recorded::add, CLOCK));
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
            route.weaveById("reschedule-delivery").replace().to("mock:deliveries-again");
            route.weaveById("dead-letter-delivery").replace().to("mock:dead-letters");
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
    void shouldDropADeliveryWhoseSubscriptionWasDeletedOrDisabled() throws Exception {
        subscriptions.stored.add(disabled(FAILED_HOOK, DisabledReason.FAILING));
        getMockEndpoint("mock:subscriber").expectedMessageCount(0);
        getMockEndpoint("mock:parked").expectedMessageCount(0);
        getMockEndpoint("mock:deliveries-again").expectedMessageCount(0);

        Exchange deleted = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));
        Exchange disabled = deliver(WebhookDelivery.of(FAILED_HOOK, "evt_1", PAYLOAD));

        assertThat(deleted.getException()).isNull();
        assertThat(disabled.getException()).isNull();
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

    @Test
    void shouldQueueNothingForADisabledSubscription() throws Exception {
        subscriptions.stored.addAll(List.of(disabled(DELIVERED_HOOK, DisabledReason.GONE), ALSO_DELIVERED_HOOK));
        MockEndpoint deliveries = getMockEndpoint("mock:deliveries");
        deliveries.expectedHeaderValuesReceivedInAnyOrder("_AMQ_DUPL_ID", "wh_2:evt_1");

        Exchange result = fanOut(DELIVERED);

        assertThat(result.getException()).isNull();
        deliveries.assertIsSatisfied();
    }

    @Test
    void shouldSignWithTheNewAndTheReplacedSecretDuringARotationsOverlap() throws Exception {
        String replaced = SIGNER.newSecret();
        WebhookSubscription rotated = new WebhookSubscription("wh_1", "demo", DELIVERED_HOOK.url(),
                DELIVERED_HOOK.events(), DELIVERED_HOOK.secret(), Dialect.V1, NOW,
                new WebhookSubscription.RetiringSecret(replaced, NOW.plusSeconds(60)), WebhookHealth.ACTIVE);
        subscriptions.stored.add(rotated);
        MockEndpoint subscriber = getMockEndpoint("mock:subscriber");
        subscriber.expectedMessageCount(1);

        deliver(WebhookDelivery.of(rotated, "evt_1", PAYLOAD));

        subscriber.assertIsSatisfied();
        String signatures = subscriber.getReceivedExchanges().get(0).getMessage().getHeader("webhook-signature",
                String.class);
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        assertThat(signatures.split(" ")).containsExactly(
                SIGNER.sign(rotated.secret(), "evt_1", NOW.getEpochSecond(), payload),
                SIGNER.sign(replaced, "evt_1", NOW.getEpochSecond(), payload));
    }

    @Test
    void shouldRecordAFailedAttemptAsTheStartOfAFailingSpell() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        subscriberAnswers503();

        deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(subscriptions.health("wh_1")).isEqualTo(new WebhookHealth(NOW,
                new Failure(NOW, 503, "Service Unavailable"), null, null));
    }

    @Test
    void shouldEndAFailingSpellWithADeliveryTheSubscriberTook() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        subscriptions.recordFailure("wh_1", new Failure(NOW.minusSeconds(30), null, "Read timed out"));
        getMockEndpoint("mock:subscriber").expectedMessageCount(1);

        Exchange result = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(result.getException()).isNull();
        assertThat(subscriptions.health("wh_1").state()).isEqualTo(WebhookHealth.State.ACTIVE);
    }

    @Test
    void shouldDisableASubscriptionWhoseEndpointIsGoneAndAcknowledgeTheDelivery() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        subscriberAnswers(410, "Gone", Map.of());
        getMockEndpoint("mock:deliveries-again").expectedMessageCount(0);
        getMockEndpoint("mock:dead-letters").expectedMessageCount(0);

        Exchange result = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(result.getException()).as("acknowledged, not retried").isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(subscriptions.health("wh_1")).isEqualTo(new WebhookHealth(NOW, new Failure(NOW, 410, "Gone"),
                NOW, DisabledReason.GONE));
        assertThat(disabledCount("gone")).isEqualTo(1);
        assertThat(disabledCount("failing")).isZero();
    }

    @Test
    void shouldDisableASubscriptionFailingForLongerThanTheHubBearsAtItsNextFailure() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        Instant longAgo = NOW.minus(Duration.ofDays(3)).minusSeconds(1);
        subscriptions.recordFailure("wh_1", new Failure(longAgo, 503, "Service Unavailable"));
        subscriberAnswers503();

        Exchange result = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(result.getException()).as("acknowledged, not retried").isNull();
        assertThat(subscriptions.health("wh_1")).isEqualTo(new WebhookHealth(longAgo,
                new Failure(NOW, 503, "Service Unavailable"), NOW, DisabledReason.FAILING));
        assertThat(disabledCount("failing")).isEqualTo(1);
    }

    @Test
    void shouldKeepASubscriptionFailingForLessThanTheLimit() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        subscriptions.recordFailure("wh_1", new Failure(NOW.minus(Duration.ofDays(3)), 503, "Service Unavailable"));
        subscriberAnswers503();

        Exchange result = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(result.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(subscriptions.health("wh_1").state()).isEqualTo(WebhookHealth.State.FAILING);
        assertThat(disabledCount("failing")).isZero();
    }

    @Test
    void shouldSendTheDeliveryAgainForTheTimeARetryAfterAsksCountingItsAttempts() throws Exception {
        WebhookDelivery delivery = refusedWithRetryAfter(429, "120");
        MockEndpoint again = getMockEndpoint("mock:deliveries-again");
        again.expectedHeaderReceived("_AMQ_SCHED_DELIVERY", NOW.plusSeconds(120).toEpochMilli());
        again.expectedHeaderReceived("SwitchboardWebhookAttempts", 2);
        getMockEndpoint("mock:dead-letters").expectedMessageCount(0);

        Exchange result = deliver(delivery, 2, null);

        assertThat(result.getException()).as("this copy is acknowledged").isNull();
        MockEndpoint.assertIsSatisfied(context);
        Exchange copy = again.getReceivedExchanges().get(0);
        assertThat(delivery(copy)).isEqualTo(delivery);
        assertThat(copy.getMessage().getHeaders()).doesNotContainKey("_AMQ_DUPL_ID");
    }

    @Test
    void shouldPutOffTheNextAttemptNoLaterThanTheConfiguredMaximum() throws Exception {
        WebhookDelivery delivery = refusedWithRetryAfter(503, "Mon, 07 Dec 2026 14:00:00 GMT");
        MockEndpoint again = getMockEndpoint("mock:deliveries-again");
        again.expectedHeaderReceived("_AMQ_SCHED_DELIVERY", NOW.plus(Duration.ofHours(1)).toEpochMilli());

        deliver(delivery);

        again.assertIsSatisfied();
    }

    @Test
    void shouldDeadLetterACopySentAgainOnceTheAttemptsOfAllCopiesAreSpent() throws Exception {
        WebhookDelivery delivery = refusedWithRetryAfter(429, "5");
        MockEndpoint deadLetters = getMockEndpoint("mock:dead-letters");
        deadLetters.expectedHeaderReceived("SwitchboardOriginalQueue", "switchboard.webhook.deliveries");
        getMockEndpoint("mock:deliveries-again").expectedMessageCount(0);

        Exchange result = deliver(delivery, 2, 6);

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        Exchange letter = deadLetters.getReceivedExchanges().get(0);
        assertThat(delivery(letter)).isEqualTo(delivery);
        assertThat(letter.getMessage().getHeader("SwitchboardDeadLetterReason", String.class))
                .isEqualTo("all 8 attempts failed, the last: Too Many Requests");
    }

    @Test
    void shouldLeaveTheLastAttemptOfTheFirstCopyToTheBrokersDeadLetters() throws Exception {
        WebhookDelivery delivery = refusedWithRetryAfter(429, "5");
        getMockEndpoint("mock:deliveries-again").expectedMessageCount(0);
        getMockEndpoint("mock:dead-letters").expectedMessageCount(0);

        Exchange result = deliver(delivery, 8, null);

        assertThat(result.getException()).isInstanceOf(HttpOperationFailedException.class);
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldRecordEachPostInItsMessagesPathNumberedAcrossCopies() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        getMockEndpoint("mock:subscriber").whenAnyExchangeReceived(
                exchange -> exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 204));

        Exchange result = deliverAbout("msg_1", WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD), 2, 3);

        assertThat(result.getException()).isNull();
        assertThat(recorded).singleElement().isInstanceOfSatisfying(WebhookAttemptRecord.class, attempt -> {
            assertThat(attempt.messageId()).isEqualTo("msg_1");
            assertThat(attempt.eventId()).isEqualTo("evt_1");
            assertThat(attempt.target()).isEqualTo("wh_1");
            assertThat(attempt.attempt()).isEqualTo(5);
            assertThat(attempt.outcome()).isEqualTo("delivered");
            assertThat(attempt.httpStatus()).isEqualTo(204);
            assertThat(attempt.cause()).isNull();
            assertThat(attempt.durationMs()).isNotNegative();
        });
    }

    @Test
    void shouldRecordAFailedPostWithItsStatusAndNoPostForAGoneSubscription() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);
        subscriberAnswers503();

        deliverAbout("msg_1", WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD), 1, null);
        deliverAbout("msg_1", WebhookDelivery.of(FAILED_HOOK, "evt_1", PAYLOAD), 1, null);

        assertThat(recorded).singleElement().isInstanceOfSatisfying(WebhookAttemptRecord.class, attempt -> {
            assertThat(attempt.target()).isEqualTo("wh_1");
            assertThat(attempt.attempt()).isEqualTo(1);
            assertThat(attempt.outcome()).isEqualTo("failed");
            assertThat(attempt.httpStatus()).isEqualTo(503);
            assertThat(attempt.cause()).isEqualTo("Service Unavailable");
        });
    }

    @Test
    void shouldRecordNoPostOfADeliveryAboutNoMessage() throws Exception {
        subscriptions.stored.add(DELIVERED_HOOK);

        Exchange result = deliver(WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD));

        assertThat(result.getException()).isNull();
        assertThat(recorded).isEmpty();
    }

    /** A delivery to a stored subscription whose endpoint answers with this status and Retry-After. */
    private WebhookDelivery refusedWithRetryAfter(int status, String retryAfter) {
        subscriptions.stored.add(DELIVERED_HOOK);
        subscriberAnswers(status, status == 429 ? "Too Many Requests" : "Service Unavailable",
                Map.of("Retry-After", retryAfter));
        return WebhookDelivery.of(DELIVERED_HOOK, "evt_1", PAYLOAD);
    }

    private double disabledCount(String reason) {
        return meters.get("switchboard.webhook.subscriptions.disabled").tag("reason", reason).counter().count();
    }

    private static WebhookSubscription disabled(WebhookSubscription subscription, DisabledReason reason) {
        return new WebhookSubscription(subscription.id(), subscription.tenantId(), subscription.url(),
                subscription.events(), subscription.secret(), subscription.dialect(), subscription.createdAt(), null,
                new WebhookHealth(null, null, NOW, reason));
    }

    private void subscriberAnswers503() {
        subscriberAnswers(503, "Service Unavailable", Map.of());
    }

    private void subscriberAnswers(int status, String words, Map<String, String> headers) {
        getMockEndpoint("mock:subscriber").whenAnyExchangeReceived(exchange -> {
            throw new HttpOperationFailedException(exchange.getMessage().getHeader("CamelHttpUri", String.class),
                    status, words, null, headers, "");
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

    /** The delivery as its queue hands it over the first time: JSON, under the duplicate id the fan-out gave it. */
    private Exchange deliver(WebhookDelivery delivery) throws Exception {
        return deliver(delivery, 1, null);
    }

    /**
     * The delivery as its queue hands it over for the {@code deliveryCount}th time, a copy sent again after
     * {@code earlierAttempts} attempts (null: the delivery as the fan-out queued it).
     */
    private Exchange deliver(WebhookDelivery delivery, int deliveryCount, Integer earlierAttempts) throws Exception {
        return deliverAbout(null, delivery, deliveryCount, earlierAttempts);
    }

    /** {@link #deliver(WebhookDelivery, int, Integer)} of an event about a message, as the fan-out queues those. */
    private Exchange deliverAbout(String messageId, WebhookDelivery delivery, int deliveryCount,
            Integer earlierAttempts) throws Exception {
        String body = json.writeValueAsString(delivery);
        return template.send("direct:webhook-delivery", exchange -> {
            exchange.getMessage().setHeader("SwitchboardMessageId", messageId);
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("_AMQ_DUPL_ID", delivery.id());
            exchange.getMessage().setHeader("JMSXDeliveryCount", deliveryCount);
            if (earlierAttempts != null) {
                exchange.getMessage().setHeader("SwitchboardWebhookAttempts", earlierAttempts);
            }
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

    /** The subscriptions the test stores, as the fan-out, the signing and the outcomes find and change them. */
    static class StoredSubscriptions extends WebhookSubscriptions {
        final List<WebhookSubscription> stored = new ArrayList<>();

        StoredSubscriptions() {
            super(null, SIGNER, null, null, null, null);
        }

        @Override
        public Optional<WebhookSubscription> find(String id) {
            return stored.stream().filter(subscription -> subscription.id().equals(id)).findFirst();
        }

        @Override
        public List<WebhookSubscription> forTenant(String tenantId) {
            return stored.stream().filter(subscription -> subscription.tenantId().equals(tenantId)).toList();
        }

        @Override
        public void recordFailure(String id, Failure failure) {
            WebhookHealth health = find(id).orElseThrow().health();
            change(id, new WebhookHealth(health.failingSince() == null ? failure.at() : health.failingSince(),
                    failure, health.disabledAt(), health.disabledReason()));
        }

        @Override
        public void recordSuccess(String id) {
            WebhookHealth health = find(id).orElseThrow().health();
            change(id, new WebhookHealth(null, health.lastFailure(), health.disabledAt(), health.disabledReason()));
        }

        @Override
        public boolean disable(String id, DisabledReason reason, Instant at) {
            WebhookHealth health = find(id).orElseThrow().health();
            if (health.disabledAt() != null) {
                return false;
            }
            change(id, new WebhookHealth(health.failingSince(), health.lastFailure(), at, reason));
            return true;
        }

        @Override
        public boolean disableFailingSince(Instant before, String id, Instant at) {
            Instant failingSince = find(id).orElseThrow().health().failingSince();
            return failingSince != null && !failingSince.isAfter(before) && disable(id, DisabledReason.FAILING, at);
        }

        WebhookHealth health(String id) {
            return find(id).orElseThrow().health();
        }

        private void change(String id, WebhookHealth health) {
            WebhookSubscription was = find(id).orElseThrow();
            stored.set(stored.indexOf(was), new WebhookSubscription(was.id(), was.tenantId(), was.url(), was.events(),
                    was.secret(), was.dialect(), was.createdAt(), was.previousSecret(), health));
        }
    }
}
