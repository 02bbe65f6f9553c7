package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.ApiRefusals;
import io.switchboard.api.JsonBodies;
import io.switchboard.api.NotFoundException;
import io.switchboard.callback.CallbackResponses;
import io.switchboard.dialect.v1.V1Requests;
import io.switchboard.dialect.v1.V1Responses;
import io.switchboard.json.Json;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import io.switchboard.module.DialectModules;
import io.switchboard.tenant.Tenant;
import io.switchboard.tenant.TenantProperties;
import io.switchboard.testing.DialectModulesForTests;
import io.switchboard.testing.RouteFileTest;
import io.switchboard.web.Admission;
import io.switchboard.web.ApiErrors;
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
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * routes/webhooks-api.camel.yaml's routes alone, as its REST verbs call them: create, list and delete the admitted
 * tenant's subscriptions and answer in v1's shapes, under the client-admission policy (the caller's API key and request
 * rate) and the api error policy (a refusal in v1's error shape with its status, anything else a 500 that keeps its
 * cause to the log). The REST verbs are left out: their HTTP server is the hub's. The subscriptions are scripted;
 * admission, request reading, responses and refusals are the hub's own.
 */
class WebhooksApiRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String DEMO_KEY = "Bearer demo-key";
    private static final String GENERATED_SECRET = "whsec_generated-by-the-hub";
    private static final WebhookSubscription STORED = new WebhookSubscription("wh_1", "demo",
            URI.create("https://hooks.example/a"), Set.of(EventType.DELIVERED, EventType.FAILED), GENERATED_SECRET,
            Dialect.V1, NOW);

    private final ObjectMapper json = Json.newMapper();
    // demo may call once a second: a test that spends that call first finds the next refused
    private final TenantProperties tenants = new TenantProperties(List.of(new TenantProperties.TenantConfig("demo",
            "Demo", 1, "demo-key", null, null, null)), null);
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
                "apiErrors", new ApiErrors(dialects, new CallbackResponses()),
                "v1Requests", new V1Requests(new JsonBodies(json, DataSize.ofKilobytes(256))),
                "v1Responses", new V1Responses(),
                "webhookSubscriptions", subscriptions);
    }

    @Override
    protected void advise() {
    }

    @Test
    void shouldSubscribeTheAdmittedTenantAndShowTheGeneratedSecretOnce() throws Exception {
        String request = """
                {"url": "https://hooks.example/a", "events": ["message.delivered", "message.failed"]}""";

        Exchange answer = call("direct:v1-create-webhook", DEMO_KEY, request);

        assertThat(status(answer)).isEqualTo(201);
        assertThat(json(answer)).isEqualTo(json.readTree("""
                {"id": "wh_1", "url": "https://hooks.example/a", "events": ["message.delivered", "message.failed"],
                 "secret": "%s", "created_at": "2026-12-07T10:00:00Z"}""".formatted(GENERATED_SECRET)));
        assertThat(subscriptions.calls).containsExactly(List.of("create", new Tenant("demo", "Demo"),
                "https://hooks.example/a", List.of("message.delivered", "message.failed"), "no secret"));
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
                           "events": ["message.delivered", "message.failed"], "created_at": "2026-12-07T10:00:00Z"}]}
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
    void shouldRefuseACallerWithoutAValidApiKeyBeforeTheFirstStep() throws Exception {
        Exchange answer = call("direct:v1-list-webhooks", "Bearer not-a-key", null);

        assertThat(status(answer)).isEqualTo(401);
        assertThat(json(answer).path("error").asText()).isEqualTo("unauthorized");
        assertThat(subscriptions.calls).isEmpty();
    }

    @Test
    void shouldTellATenantOverItsRequestRateWhenToRetry() throws Exception {
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
        return template.send(route, exchange -> {
            exchange.getMessage().setHeader("Authorization", authorization);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The subscriptions' part of the API: what the test stores, noting each call; fails as the test says. */
    public static class ScriptedSubscriptions {
        final List<List<Object>> calls = new ArrayList<>();
        final List<WebhookSubscription> stored = new ArrayList<>();
        RuntimeException failure;

        public WebhookSubscription create(Tenant tenant, String url, List<String> events, String secret) {
            calls.add(List.of("create", tenant, url, events, secret == null ? "no secret" : secret));
            return new WebhookSubscription("wh_1", tenant.id(), URI.create(url),
                    Set.copyOf(events.stream().map(EventType::fromWireName).toList()),
                    secret == null ? GENERATED_SECRET : secret, Dialect.V1, NOW);
        }

        public List<WebhookSubscription> forTenant(String tenantId) {
            calls.add(List.of("forTenant", tenantId));
            if (failure != null) {
                throw failure;
            }
            return stored.stream().filter(subscription -> subscription.tenantId().equals(tenantId)).toList();
        }

        public void delete(String tenantId, String id) {
            calls.add(List.of("delete", tenantId, id));
            if (!stored.removeIf(subscription -> subscription.id().equals(id)
                    && subscription.tenantId().equals(tenantId))) {
                throw new NotFoundException("No webhook " + id + " was found.");
            }
        }
    }
}
