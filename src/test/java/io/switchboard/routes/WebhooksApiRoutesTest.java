package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.api.ApiRefusals;
import io.switchboard.api.ConflictException;
import io.switchboard.api.JsonBodies;
import io.switchboard.api.NotFoundException;
import io.switchboard.callback.CallbackResponses;
import io.switchboard.dialect.v1.V1Requests;
import io.switchboard.dialect.v1.V1Responses;
import io.switchboard.json.Json;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import io.switchboard.module.DialectModules;
import io.switchboard.tenant.Tenant;
import io.switchboard.tenant.TenantProperties;
import io.switchboard.testing.DialectModulesForTests;
import io.switchboard.testing.RouteFileTest;
import io.switchboard.web.Admission;
import io.switchboard.web.ApiErrors;
import io.switchboard.webhook.WebhookChanges;
import io.switchboard.webhook.WebhookDelivery;
import io.switchboard.webhook.WebhookHealth;
import io.switchboard.webhook.WebhookSubscription;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * routes/webhooks-api.camel.yaml's routes alone, as its REST verbs call them: create, list, show, change, test and
 * delete the admitted tenant's subscriptions and answer in v1's shapes (each subscription with its state), under the
 * client-admission policy (the caller's API key and request rate) and the api error policy (a refusal in v1's error
 * shape with its status, anything else a 500 that keeps its cause to the log). The REST verbs are left out: their
 * HTTP server is the hub's. The subscriptions and test events are scripted and the delivery queue is a mock;
 * admission, request reading, responses and refusals are the hub's own.
 */
class WebhooksApiRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String DEMO_KEY = "Bearer demo-key";
    private static final String GENERATED_SECRET = "whsec_generated-by-the-hub";
    private static final String ROTATED_SECRET = "whsec_rotated-by-the-hub";
    private static final WebhookSubscription STORED = new WebhookSubscription("wh_1", "demo",
            URI.create("https://hooks.example/a"), Set.of(EventType.DELIVERED, EventType.FAILED), GENERATED_SECRET,
            Dialect.V1, NOW);

    private final ObjectMapper json = Json.newMapper();
    // demo may call twice a second: a test that spends both calls first finds the next refused (a route the test
    // advises admits each call twice, as AdviceWith applies its route configurations again)
    private final TenantProperties tenants = new TenantProperties(List.of(new TenantProperties.TenantConfig("demo",
            "Demo", 2, "demo-key", null, null, null)), null);
    private final DialectModules dialects = DialectModulesForTests.withV1(tenants);
    private final Admission admission = new Admission(dialects, tenants);
    private final ScriptedSubscriptions subscriptions = new ScriptedSubscriptions();

    @Override
    protected String routeFile() {
        return "webhooks-api.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("admission", admission,
                "apiRefusals", new ApiRefusals(Duration.ofSeconds(5)),
                "apiErrors", new ApiErrors(dialects, new CallbackResponses(),
                        new HubMetrics(new SimpleMeterRegistry(), 8)),
                "v1Requests", new V1Requests(new JsonBodies(json, DataSize.ofKilobytes(256))),
                "v1Responses", new V1Responses(),
                "webhookSubscriptions", subscriptions,
                "webhookTestEvents", new ScriptedTestEvents(subscriptions));
    }

    @Override
    protected void advise() throws Exception {
        AdviceWith.adviceWith(context, "v1-test-webhook",
                route -> route.weaveById("queue-webhook-test").replace().to("mock:deliveries"));
    }

    @Test
    void shouldSubscribeTheAdmittedTenantAndShowTheGeneratedSecretOnce() throws Exception {
        String request = """
                {"url": "https://hooks.example/a", "events": ["message.delivered", "message.failed"]}""";

        Exchange answer = call("direct:v1-create-webhook", DEMO_KEY, request);

        assertThat(status(answer)).isEqualTo(201);
        assertThat(json(answer)).isEqualTo(json.readTree("""
                {"id": "wh_1", "url": "https://hooks.example/a", "events": ["message.delivered", "message.failed"],
                 "dialect": "v1", "state": "active", "secret": "%s", "created_at": "2026-12-07T10:00:00Z"}
                """.formatted(GENERATED_SECRET)));
        assertThat(subscriptions.calls).containsExactly(List.of("create", new Tenant("demo", "Demo"),
                WebhookChanges.creating("https://hooks.example/a", List.of("message.delivered", "message.failed"),
                        null, null)));
    }

    @Test
    void shouldRefuseARequestThatIsNotJsonBeforeSubscribing() throws Exception {
        Exchange answer = template.send("direct:v1-create-webhook", exchange -> {
            exchange.getMessage().setHeader("Authorization", DEMO_KEY);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
            exchange.getMessage().setBody("url=https://hooks.example/a".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(status(answer)).isEqualTo(415);
        assertThat(json(answer).path("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(subscriptions.calls).isEmpty();
    }

    @Test
    void shouldListTheTenantsSubscriptionsWithoutTheirSecrets() throws Exception {
        subscriptions.stored.add(STORED);

        Exchange answer = call("direct:v1-list-webhooks", DEMO_KEY, null);

        assertThat(status(answer)).isNull();
        assertThat(json(answer)).isEqualTo(json.readTree("""
                {"data": [{"id": "wh_1", "url": "https://hooks.example/a",
                           "events": ["message.delivered", "message.failed"], "dialect": "v1", "state": "active",
                           "created_at": "2026-12-07T10:00:00Z"}]}
                """));
        assertThat(subscriptions.calls).containsExactly(List.of("forTenant", "demo"));
    }

    @Test
    void shouldDeleteTheTenantsSubscriptionAndAnswerWithNoContent() {
        subscriptions.stored.add(STORED);

        Exchange answer = template.send("direct:v1-delete-webhook", exchange -> {
            exchange.getMessage().setHeader("Authorization", DEMO_KEY);
            exchange.getMessage().setHeader("id", "wh_1");
        });

        assertThat(status(answer)).isEqualTo(204);
        assertThat(answer.getMessage().getBody(String.class)).isEmpty();
        assertThat(subscriptions.calls).containsExactly(List.of("delete", "demo", "wh_1"));
        assertThat(subscriptions.stored).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundInV1sShapeForASubscriptionTheTenantDoesNotHave() throws Exception {
        Exchange answer = template.send("direct:v1-delete-webhook", exchange -> {
            exchange.getMessage().setHeader("Authorization", DEMO_KEY);
            exchange.getMessage().setHeader("id", "wh_9");
        });

        assertThat(answer.getException()).isNull();
        assertThat(status(answer)).isEqualTo(404);
        assertThat(json(answer)).isEqualTo(json.readTree("""
                {"error": "not_found", "message": "No webhook wh_9 was found.", "details": []}"""));
    }

    @Test
    void shouldShowOneOfTheTenantsSubscriptionsWithItsFailingSpell() throws Exception {
        Instant since = NOW.plusSeconds(60);
        subscriptions.stored.add(withHealth(new WebhookHealth(since,
                new WebhookHealth.Failure(since.plusSeconds(30), 503, "Service Unavailable"), null, null)));

        Exchange answer = call("direct:v1-get-webhook", DEMO_KEY, "wh_1", null);

        assertThat(status(answer)).isNull();
        assertThat(json(answer)).isEqualTo(json.readTree("""
                {"id": "wh_1", "url": "https://hooks.example/a", "events": ["message.delivered", "message.failed"],
                 "dialect": "v1", "state": "failing", "failing_since": "2026-12-07T10:01:00Z",
                 "last_failure": {"status": 503, "reason": "Service Unavailable", "at": "2026-12-07T10:01:30Z"},
                 "created_at": "2026-12-07T10:00:00Z"}"""));
    }

    @Test
    void shouldShowWhenAndWhyASubscriptionWasDisabled() throws Exception {
        subscriptions.stored.add(withHealth(new WebhookHealth(NOW, new WebhookHealth.Failure(NOW, 410, "Gone"), NOW,
                WebhookHealth.DisabledReason.GONE)));

        JsonNode shown = json(call("direct:v1-get-webhook", DEMO_KEY, "wh_1", null));

        assertThat(shown.path("state").asText()).isEqualTo("disabled");
        assertThat(shown.path("disabled_reason").asText()).isEqualTo("gone");
        assertThat(shown.path("disabled_at").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(shown.path("last_failure").path("status").asInt()).isEqualTo(410);
    }

    @Test
    void shouldAnswerNotFoundForAnotherTenantsSubscription() throws Exception {
        subscriptions.stored.add(new WebhookSubscription("wh_2", "other", URI.create("https://hooks.example/b"),
                Set.of(EventType.DELIVERED), GENERATED_SECRET, Dialect.V1, NOW));

        Exchange answer = call("direct:v1-get-webhook", DEMO_KEY, "wh_2", null);

        assertThat(status(answer)).isEqualTo(404);
        assertThat(json(answer)).isEqualTo(json.readTree("""
                {"error": "not_found", "message": "No webhook wh_2 was found.", "details": []}"""));
    }

    @Test
    void shouldChangeTheFieldsThePatchNamesAndShowAGeneratedSecretOnce() throws Exception {
        subscriptions.stored.add(STORED);

        Exchange answer = call("direct:v1-update-webhook", DEMO_KEY, "wh_1", """
                {"url": "https://hooks.example/new", "enabled": true, "rotate_secret": true, "ignored": 1}""");

        assertThat(status(answer)).isNull();
        assertThat(json(answer)).isEqualTo(json.readTree("""
                {"id": "wh_1", "url": "https://hooks.example/new", "events": ["message.delivered", "message.failed"],
                 "dialect": "v1", "state": "active", "secret": "%s",
                 "previous_secret_expires_at": "2026-12-08T10:00:00Z", "created_at": "2026-12-07T10:00:00Z"}
                """.formatted(ROTATED_SECRET)));
        assertThat(subscriptions.calls).containsExactly(List.of("update", "demo", "wh_1",
                new WebhookChanges("https://hooks.example/new", null, null, true, null, true)));
    }

    @Test
    void shouldNotEchoASecretTheClientChose() throws Exception {
        subscriptions.stored.add(STORED);

        JsonNode shown = json(call("direct:v1-update-webhook", DEMO_KEY, "wh_1", """
                {"secret": "whsec_chosen-by-the-client"}"""));

        assertThat(shown.has("secret")).isFalse();
        assertThat(shown.path("previous_secret_expires_at").asText()).isEqualTo("2026-12-08T10:00:00Z");
    }

    @Test
    void shouldRefuseAPatchFieldOfTheWrongTypeWithItsPathBeforeChangingAnything() throws Exception {
        subscriptions.stored.add(STORED);

        Exchange answer = call("direct:v1-update-webhook", DEMO_KEY, "wh_1", """
                {"enabled": "yes"}""");

        assertThat(status(answer)).isEqualTo(400);
        assertThat(json(answer).path("details")).isEqualTo(json.readTree("""
                [{"field": "enabled", "message": "must be true or false"}]"""));
        assertThat(subscriptions.calls).isEmpty();
    }

    @Test
    void shouldQueueASignedTestEventOnTheDeliveryQueueAndAnswerWithItsId() throws Exception {
        subscriptions.stored.add(STORED);
        MockEndpoint deliveries = getMockEndpoint("mock:deliveries");
        deliveries.expectedBodiesReceived(json.writeValueAsString(WebhookDelivery.of(STORED, "evt_test",
                "{\"event\":\"webhook.test\"}")));
        deliveries.expectedHeaderReceived("_AMQ_DUPL_ID", "wh_1:evt_test");

        Exchange answer = call("direct:v1-test-webhook", DEMO_KEY, "wh_1", null);

        assertThat(status(answer)).isEqualTo(202);
        assertThat(json(answer)).isEqualTo(json.readTree("""
                {"id": "evt_test", "event": "webhook.test", "webhook_id": "wh_1", "status": "queued"}"""));
        deliveries.assertIsSatisfied();
        assertThat(deliveries.getReceivedExchanges().get(0).getMessage().getHeaders())
                .as("none of the request's headers goes on the broker").doesNotContainKeys("Authorization", "id");
    }

    @Test
    void shouldRefuseToTestADisabledSubscription() throws Exception {
        subscriptions.stored.add(withHealth(new WebhookHealth(null, null, NOW, WebhookHealth.DisabledReason.CLIENT)));
        getMockEndpoint("mock:deliveries").expectedMessageCount(0);

        Exchange answer = call("direct:v1-test-webhook", DEMO_KEY, "wh_1", null);

        assertThat(status(answer)).isEqualTo(409);
        assertThat(json(answer).path("error").asText()).isEqualTo("conflict");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldRefuseACallerWithoutAValidApiKeyBeforeTheFirstStep() throws Exception {
        Exchange answer = call("direct:v1-list-webhooks", "Bearer not-a-key", null);

        assertThat(status(answer)).isEqualTo(401);
        assertThat(json(answer).path("error").asText()).isEqualTo("unauthorized");
        assertThat(subscriptions.calls).isEmpty();
    }

    @Test
    void shouldTellATenantOverItsRequestRateWhenToRetry() throws Exception {
        admission.admit("v1", Map.of("Authorization", DEMO_KEY));
        admission.admit("v1", Map.of("Authorization", DEMO_KEY));

        Exchange answer = call("direct:v1-list-webhooks", DEMO_KEY, null);

        assertThat(status(answer)).isEqualTo(429);
        assertThat(answer.getMessage().getHeader("Retry-After", Long.class)).isEqualTo(1L);
        JsonNode refusal = json(answer);
        assertThat(refusal.path("error").asText()).isEqualTo("rate_limited");
        assertThat(refusal.path("retry_after").asLong()).isEqualTo(1);
        assertThat(subscriptions.calls).isEmpty();
    }

    @Test
    void shouldAnswerAFailureOfTheHubWithAnInternalErrorThatKeepsItsCause() throws Exception {
        subscriptions.failure = new IllegalStateException("connection to jdbc:postgresql://db:5432 refused");

        Exchange answer = call("direct:v1-list-webhooks", DEMO_KEY, null);

        assertThat(answer.getException()).isNull();
        assertThat(status(answer)).isEqualTo(500);
        JsonNode error = json(answer);
        assertThat(error.path("error").asText()).isEqualTo("internal_error");
        assertThat(error.toString()).doesNotContain("postgresql");
    }

    /** A request as the REST verb hands it over: the raw JSON bytes and the caller's headers. */
    private Exchange call(String route, String authorization, String body) {
        return call(route, authorization, null, body);
    }

    /** A request about one subscription, its id in the path. */
    private Exchange call(String route, String authorization, String id, String body) {
        return template.send(route, exchange -> {
            exchange.getMessage().setHeader("Authorization", authorization);
            exchange.getMessage().setHeader("id", id);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static WebhookSubscription withHealth(WebhookHealth health) {
        return new WebhookSubscription(STORED.id(), STORED.tenantId(), STORED.url(), STORED.events(), STORED.secret(),
                STORED.dialect(), STORED.createdAt(), null, health);
    }

    /** The subscriptions' part of the API: what the test stores, noting each call; fails as the test says. */
    public static class ScriptedSubscriptions {
        final List<List<Object>> calls = new ArrayList<>();
        final List<WebhookSubscription> stored = new ArrayList<>();
        RuntimeException failure;

        public WebhookSubscription create(Tenant tenant, WebhookChanges request) {
            calls.add(List.of("create", tenant, request));
            return new WebhookSubscription("wh_1", tenant.id(), URI.create(request.url()),
                    Set.copyOf(request.events().stream().map(EventType::fromWireName).toList()),
                    request.secret() == null ? GENERATED_SECRET : request.secret(), Dialect.V1, NOW);
        }

        public List<WebhookSubscription> forTenant(String tenantId) {
            calls.add(List.of("forTenant", tenantId));
            if (failure != null) {
                throw failure;
            }
            return stored.stream().filter(subscription -> subscription.tenantId().equals(tenantId)).toList();
        }

        public WebhookSubscription ofTenant(String tenantId, String id) {
            calls.add(List.of("ofTenant", tenantId, id));
            return find(tenantId, id);
        }

        private WebhookSubscription find(String tenantId, String id) {
            return stored.stream().filter(subscription -> subscription.id().equals(id)
                    && subscription.tenantId().equals(tenantId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("No webhook " + id + " was found."));
        }

        public WebhookSubscription update(String tenantId, String id, WebhookChanges change) {
            calls.add(List.of("update", tenantId, id, change));
            if (failure != null) {
                throw failure;
            }
            WebhookSubscription current = find(tenantId, id);
            return new WebhookSubscription(id, tenantId, change.url() == null ? current.url()
                    : URI.create(change.url()), current.events(), Boolean.TRUE.equals(change.rotateSecret())
                    ? ROTATED_SECRET : current.secret(), current.dialect(), current.createdAt(),
                    new WebhookSubscription.RetiringSecret(current.secret(), NOW.plusSeconds(86_400)),
                    current.health());
        }

        public void delete(String tenantId, String id) {
            calls.add(List.of("delete", tenantId, id));
            if (!stored.removeIf(subscription -> subscription.id().equals(id)
                    && subscription.tenantId().equals(tenantId))) {
                throw new NotFoundException("No webhook " + id + " was found.");
            }
        }
    }

    /** The test events' part: a delivery for one of the stored subscriptions, refused as the hub refuses. */
    public static class ScriptedTestEvents {
        private final ScriptedSubscriptions subscriptions;

        ScriptedTestEvents(ScriptedSubscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        public WebhookDelivery delivery(String tenantId, String id) {
            WebhookSubscription subscription = subscriptions.find(tenantId, id);
            if (subscription.isDisabled()) {
                throw new ConflictException("Webhook " + id + " is disabled.");
            }
            return WebhookDelivery.of(subscription, "evt_test", "{\"event\":\"webhook.test\"}");
        }
    }
}
