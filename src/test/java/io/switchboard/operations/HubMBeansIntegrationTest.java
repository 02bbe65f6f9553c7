package io.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.switchboard.broker.BrokerProperties;
import io.switchboard.carrier.CarrierBreakers;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.Carriers;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.Jolokia;
import io.switchboard.testing.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub's own MBeans as Hawtio uses them: through Jolokia over HTTP with the operator login and the page's token,
 * each attribute read and each operation run, and its effect seen where clients and carriers see it.
 */
class HubMBeansIntegrationTest extends HubIntegrationTest {

    @Autowired
    private HubMBeans mbeans;

    @Autowired
    private Carriers carriers;

    @Autowired
    private CarrierBreakers breakers;

    @Autowired
    private SandboxLedger sandbox;

    @Autowired
    private BrokerProperties broker;

    private final WebhookReceiver subscriber = new WebhookReceiver();
    private final List<String> subscriptions = new ArrayList<>();
    private Jolokia jolokia;

    @BeforeEach
    void signIn() {
        jolokia = new Jolokia(hub());
    }

    /** Other tests share this hub: every breaker back to normal, every subscription of this test gone. */
    @AfterEach
    void cleanUp() {
        carriers.ids().forEach(id -> breakers.of(carriers.byId(id)).reset());
        for (JsonNode endpoint : jolokia.read(mbeans.nameOf("type=WebhookEndpoints"), "Endpoints")) {
            if (endpoint.path("endpoint").asText().equals(endpointOf(subscriber))) {
                jolokia.exec(mbeans.nameOf("type=WebhookEndpoints"), "reset", endpointOf(subscriber));
            }
        }
        subscriptions.forEach(id -> hub().delete("/v1/webhooks/" + id, "Authorization", V1_KEY));
        subscriber.close();
    }

    private static String endpointOf(WebhookReceiver receiver) {
        return receiver.url().substring(0, receiver.url().indexOf("/hooks"));
    }

    private ObjectName carrier(String id) {
        return mbeans.nameOf("type=Carriers,name=" + id);
    }

    private List<SandboxLedger.Entry> sends(String carrier, String recipient) {
        return sandbox.entries().stream().filter(entry -> entry.carrier().equals(carrier))
                .filter(entry -> entry.recipient().equals(recipient) || entry.recipient().equals(recipient.substring(1)))
                .toList();
    }

    /** Subscribes the receiver to delivered events; returns the subscription as the API created it. */
    private JsonNode subscribe() {
        JsonNode created = subscribe(subscriber.url(), List.of("message.delivered"));
        subscriptions.add(created.path("id").asText());
        return created;
    }

    @Test
    void shouldListTheHubsMBeansInTheTreeWithTheirOperationsParametersNamed() {
        JsonNode hub = jolokia.answer(Jolokia.Request.list(HubMBeans.DOMAIN)).path("value");

        ObjectName deadLetters = mbeans.nameOf("type=DeadLetters");
        JsonNode replay = hub.path(deadLetters.getKeyPropertyListString()).path("op").path("replay");
        assertThat(replay.path("args").get(0).path("name").asText()).isEqualTo("id");
        assertThat(replay.path("desc").asText()).startsWith("Puts one dead letter back on the queue it came from");
        List<String> names = new ArrayList<>();
        hub.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains(deadLetters.getKeyPropertyListString(),
                mbeans.nameOf("type=RoutingRules").getKeyPropertyListString(),
                mbeans.nameOf("type=WebhookSubscriptions").getKeyPropertyListString(),
                mbeans.nameOf("type=WebhookEndpoints").getKeyPropertyListString(),
                carrier("sandbox-v5").getKeyPropertyListString());
    }

    @Test
    void shouldShowEveryCarrierWithItsBreakerAndNoCredentials() {
        for (String id : carriers.ids()) {
            CarrierConnector connector = carriers.byId(id);
            JsonNode shown = jolokia.read(carrier(id));

            assertThat(shown.path("Dialect").asText()).as(id).isEqualTo(connector.dialect().id());
            assertThat(shown.path("BaseUrl").asText()).as(id).isEqualTo(connector.baseUrl());
            assertThat(shown.path("BreakerState").asText()).as(id)
                    .isEqualTo(breakers.of(connector).getState().name());
            assertThat(shown.path("Calls").asInt()).as(id)
                    .isEqualTo(breakers.of(connector).getMetrics().getNumberOfBufferedCalls());
            assertThat(shown.toString()).as(id).doesNotContain(connector.authorization());
        }
        assertThat(carriers.ids()).contains("sandbox-v5", "sandbox-v1", "sandbox-pinnacle", "sandbox-channels");
    }

    @Test
    void shouldForceACarriersBreakerOpenSoRcsFailsOverAndResetItSoRcsGoesThroughAgain() {
        ObjectName v5 = carrier("sandbox-v5");

        assertThat(jolokia.exec(v5, "forceOpen").asText()).isEqualTo("FORCED_OPEN");
        String failedOver = sendV1("+15550700110");

        eventually().until(() -> timeline(failedOver), List.of("queued", "failover", "sent", "delivered")::equals);
        assertThat(status(failedOver).path("events").get(1).path("reason").asText())
                .isEqualTo("refused: the circuit breaker of sandbox-v5 is open");
        assertThat(sends("sandbox-v5", "+15550700110")).isEmpty();
        assertThat(sends("sandbox-channels", "+15550700110")).hasSize(1);
        JsonNode open = jolokia.read(v5);
        assertThat(open.path("BreakerState").asText()).isEqualTo("FORCED_OPEN");
        assertThat(open.path("NotPermittedCalls").asLong()).isPositive();

        assertThat(jolokia.exec(v5, "reset").asText()).isEqualTo("CLOSED");
        String throughV5 = sendV1("+15550700210");

        eventually().until(() -> timeline(throughV5), List.of("queued", "sent", "delivered")::equals);
        assertThat(sends("sandbox-v5", "+15550700210")).hasSize(1);
        assertThat(jolokia.read(v5, "BreakerState").asText()).isEqualTo("CLOSED");
        assertThat(jolokia.read(v5, "NotPermittedCalls").asLong()).isZero();

        assertThat(jolokia.exec(v5, "forceClosed").asText()).isEqualTo("DISABLED");
        assertThat(breakers.of(carriers.byId("sandbox-v5")).tryAcquirePermission()).isTrue();
        assertThat(jolokia.exec(v5, "reset").asText()).isEqualTo("CLOSED");
    }

    @Test
    void shouldShowTheRoutingRulesOfTheFileInForce() throws IOException {
        JsonNode file = new YAMLMapper().readTree(Path.of("config", "routing.yaml").toFile());
        ObjectName routing = mbeans.nameOf("type=RoutingRules");

        JsonNode shown = jolokia.read(routing);

        assertThat(shown.path("Rules").findValuesAsText("id")).isEqualTo(file.path("rules").findValuesAsText("id"));
        assertThat(StreamSupport.stream(shown.path("Rules").spliterator(), false)
                .map(rule -> rule.path("carrier").asText()).toList())
                .isEqualTo(StreamSupport.stream(file.path("rules").spliterator(), false)
                        .map(rule -> rule.path("carrier").asText()).toList());
        assertThat(shown.path("Rules").get(0).path("match").path("recipientPrefix").get(0).asText())
                .isEqualTo(file.path("rules").get(0).path("match").path("recipient-prefix").get(0).asText());
        assertThat(shown.path("Defaults")).isEqualTo(file.path("defaults"));
        assertThat(shown.path("Failover").path("mode").asText())
                .isEqualToIgnoringCase(file.path("failover").path("mode").asText());
        assertThat(shown.path("File").asText()).endsWith(Path.of("config", "routing.yaml") + "]");
        assertThat(Instant.parse(shown.path("LoadedAt").asText())).isBefore(Instant.now());
        assertThat(shown.path("Refusal").asText()).isEmpty();

        assertThat(jolokia.exec(routing, "reload").asText())
                .isEqualTo("Unchanged since " + shown.path("LoadedAt").asText() + ": "
                        + file.path("rules").size() + " rules from " + shown.path("File").asText());
    }

    @Test
    void shouldShowSubscriptionsWithoutSecretsAndDisableAndEnableOneAsItsTenantWould() {
        JsonNode created = subscribe();
        String id = created.path("id").asText();
        ObjectName subscriptionsMBean = mbeans.nameOf("type=WebhookSubscriptions");

        JsonNode listed = jolokia.read(subscriptionsMBean, "Subscriptions");

        JsonNode shown = StreamSupport.stream(listed.spliterator(), false)
                .filter(subscription -> subscription.path("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(shown.path("tenant").asText()).isEqualTo("demo");
        assertThat(shown.path("url").asText()).isEqualTo(subscriber.url());
        assertThat(shown.path("dialect").asText()).isEqualTo("v1");
        assertThat(shown.path("events").toString()).isEqualTo("[\"message.delivered\"]");
        assertThat(shown.path("state").asText()).isEqualTo("active");
        assertThat(shown.path("createdAt").asText()).isEqualTo(created.path("created_at").asText());
        assertThat(created.path("secret").asText()).startsWith("whsec_");
        assertThat(listed.toString()).doesNotContain(created.path("secret").asText(), "whsec_", "secret");

        JsonNode disabled = jolokia.exec(subscriptionsMBean, "disable", id);

        assertThat(disabled.path("state").asText()).isEqualTo("disabled");
        JsonNode api = hub().get("/v1/webhooks/" + id, "Authorization", V1_KEY).json();
        assertThat(api.path("state").asText()).isEqualTo("disabled");
        assertThat(api.path("disabled_reason").asText()).isEqualTo("client");
        assertThat(disabled.path("disabledAt").asText()).isEqualTo(api.path("disabled_at").asText());

        assertThat(jolokia.exec(subscriptionsMBean, "enable", id).path("state").asText()).isEqualTo("active");
        assertThat(hub().get("/v1/webhooks/" + id, "Authorization", V1_KEY).json().path("state").asText())
                .isEqualTo("active");

        JsonNode unknown = jolokia.answer(Jolokia.Request.exec(subscriptionsMBean.toString(), "disable", "wh_none"));
        assertThat(unknown.path("status").asInt()).isNotEqualTo(200);
        assertThat(unknown.path("error").asText()).contains("No webhook subscription wh_none was found");
    }

    @Test
    void shouldForceAWebhookEndpointsBreakerOpenSoItsDeliveriesWaitAndResetItSoTheyArrive() {
        subscribe();
        String first = sendV1("+15550700310");
        eventually().until(() -> !subscriber.about(first, "message.delivered").isEmpty());
        ObjectName endpoints = mbeans.nameOf("type=WebhookEndpoints");
        String endpoint = endpointOf(subscriber);

        // the post is counted once the subscriber's answer is read, a moment after the subscriber has the request
        eventually().until(() -> StreamSupport.stream(jolokia.read(endpoints, "Endpoints").spliterator(), false)
                .filter(breaker -> breaker.path("endpoint").asText().equals(endpoint))
                .anyMatch(breaker -> breaker.path("calls").asInt() == 1 && breaker.path("failedCalls").asInt() == 0
                        && breaker.path("state").asText().equals("CLOSED")));

        assertThat(jolokia.exec(endpoints, "forceOpen", endpoint).asText()).isEqualTo("FORCED_OPEN");
        long parkedBefore = messagesAdded(broker.webhooksParked());
        String second = sendV1("+15550700410");

        eventually().until(() -> messagesAdded(broker.webhooksParked()) > parkedBefore);
        assertThat(timeline(second)).contains("delivered");
        assertThat(subscriber.attemptsAbout(second)).isEmpty();

        assertThat(jolokia.exec(endpoints, "reset", endpoint).asText()).isEqualTo("CLOSED");

        eventually().until(() -> subscriber.about(second, "message.delivered").size() == 1);
        assertThat(jolokia.exec(endpoints, "forceClosed", endpoint).asText()).isEqualTo("DISABLED");
        assertThat(jolokia.exec(endpoints, "reset", endpoint).asText()).isEqualTo("CLOSED");
        JsonNode unknown = jolokia.answer(Jolokia.Request.exec(endpoints.toString(), "forceOpen", "http://nowhere:1"));
        assertThat(unknown.path("error").asText()).contains("No webhook endpoint 'http://nowhere:1' has a breaker");
    }

    @Test
    void shouldRefuseJolokiaWithoutTheOperatorLoginAndLeaveTheBreakerAlone() {
        Jolokia.Request forceOpen = Jolokia.Request.exec(carrier("sandbox-v5").toString(), "forceOpen");
        String token = Jolokia.xsrfToken(hub());

        assertThat(hub().postJson(Jolokia.PATH, forceOpen, "Cookie", "XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token)
                .status()).isEqualTo(401);
        assertThat(hub().postJson(Jolokia.PATH, forceOpen).status()).as("neither login nor token").isEqualTo(403);
        assertThat(hub().postJson(Jolokia.PATH, forceOpen, "Authorization", "Basic YWRtaW46d3Jvbmc=",
                "Cookie", "XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token).status()).isEqualTo(401);
        assertThat(hub().postJson(Jolokia.PATH, forceOpen, "Authorization", OPERATOR).status())
                .as("without the page's token").isEqualTo(403);
        assertThat(hub().get(Jolokia.PATH + "/read/" + mbeans.nameOf("type=RoutingRules")).status()).isEqualTo(401);
        assertThat(breakers.of(carriers.byId("sandbox-v5")).getState().name()).isEqualTo("CLOSED");
    }

    @Test
    void shouldRefuseAnOperationByGetWhichCarriesNoTokenButReadByGet() {
        String carrier = carrier("sandbox-v5").toString();

        for (String change : List.of("/exec/" + carrier + "/forceOpen", "?p=/exec/" + carrier + "/forceOpen",
                "/?p=EXEC/" + carrier + "/forceOpen", "/write/" + carrier + "/BreakerState/OPEN")) {
            assertThat(hub().get(Jolokia.PATH + change, "Authorization", OPERATOR).status()).as(change).isEqualTo(403);
        }
        HubClient.Response read = hub().get(Jolokia.PATH + "/read/" + carrier + "/BreakerState",
                "Authorization", OPERATOR);

        assertThat(read.json().path("value").asText()).as(read.toString()).isEqualTo("CLOSED");
        assertThat(breakers.of(carriers.byId("sandbox-v5")).getState().name()).isEqualTo("CLOSED");
    }
}
