package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.filter.impl.FilterImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub on a random port with its real embedded broker, H2 database and sandbox carriers, metrics and JMX on
 * as in production. Every subclass shares one Spring context (same configuration), with its own data directory for
 * this test run.
 */
@CamelSpringBootTest
@DisableJmx(false)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // read after config/, so the test profile's tenants replace the demo list
    "spring.config.additional-location=optional:classpath:/test-config/",
    "switchboard.sandbox.callback-delay=50ms",
    "switchboard.broker.dispatch-retry.first-delay=200ms",
    "switchboard.broker.webhook-retry.first-delay=200ms",
    "switchboard.broker.webhook-retry.multiplier=2"
})
@ActiveProfiles("test")
public abstract class HubIntegrationTest {

    public static final String V1_KEY = "Bearer sk_dev_v1";
    public static final String OTHER_TENANT_V1_KEY = "Bearer sk_other_v1";
    /** The operator login of the dev and test profiles, for Hawtio, the actuator and the sandbox's views. */
    public static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    /** Where verified callbacks wait whose carrier message id the hub has not stored yet. */
    protected static final String UNMATCHED_CALLBACKS = "switchboard.callbacks.unmatched";

    private static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString());

    @LocalServerPort
    protected int port;

    @Autowired
    private EmbeddedActiveMQ broker;

    @Autowired
    private JdbcClient jdbc;

    /**
     * A test class with a context of its own (another profile) sets {@code switchboard.test.context}, so its broker
     * journal and database do not collide with the shared context's, which stays alive in Spring's test cache.
     */
    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("switchboard.data-dir",
                () -> "./" + DATA.toString().replace('\\', '/') + "/${switchboard.test.context:shared}");
    }

    protected HubClient hub() {
        return new HubClient(port);
    }

    /** Awaitility with the hub's usual ceiling; asynchronous checks never sleep a fixed time. */
    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50));
    }

    /** How many messages were ever put on a broker queue. */
    protected long messagesAdded(String queue) {
        Queue located = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return located == null ? 0 : located.getMessagesAdded();
    }

    /** How many messages were ever taken off a broker queue for good (consumed and committed). */
    protected long messagesAcknowledged(String queue) {
        Queue located = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return located == null ? 0 : located.getMessagesAcknowledged();
    }

    /** How many messages are on a broker queue now, held for a later delivery and being delivered included. */
    protected long messagesWaiting(String queue) {
        Queue located = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return located == null ? 0 : located.getMessageCount();
    }

    /** Takes the messages a filter selects off a broker queue, those waiting out a redelivery delay included. */
    protected void removeFromQueue(String queue, String filter) {
        try {
            broker.getActiveMQServer().locateQueue(SimpleString.of(queue))
                    .deleteMatchingReferences(FilterImpl.createFilter(filter));
        } catch (Exception e) {
            throw new IllegalStateException("Could not remove " + filter + " from " + queue, e);
        }
    }

    /** How many messages the hub has recorded, of every tenant. */
    protected long storedMessages() {
        return rows("messages");
    }

    /** How many rows a table of the hub's database holds. */
    protected long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** Sends the v1 fixture with all suggestion kinds to this recipient; returns the hub's message id. */
    protected String sendV1(String recipient) {
        return sendV1(recipient, null);
    }

    /** {@link #sendV1(String)} with a time-to-live (v1's {@code ttl}, such as {@code 2s}) when not null. */
    protected String sendV1(String recipient, String timeToLive) {
        ObjectNode request = v1Request(recipient);
        if (timeToLive != null) {
            request.put("ttl", timeToLive);
        }
        HubClient.Response accepted = hub().postJson("/v1/messages", request, "Authorization", V1_KEY);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().path("message_id").asText();
    }

    /** Posts the v1 fixture message to this recipient with these headers (credentials included), as it is answered. */
    protected HubClient.Response postV1(String recipient, String... headers) {
        return hub().postJson("/v1/messages", v1Request(recipient), headers);
    }

    private static ObjectNode v1Request(String recipient) {
        ObjectNode request = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        request.put("to", recipient);
        return request;
    }

    /** Subscribes the demo tenant's webhook at this URL to these events; returns the subscription as created. */
    protected JsonNode subscribe(String url, List<String> events) {
        HubClient.Response created = hub().postJson("/v1/webhooks", Map.of("url", url, "events", events),
                "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** The message as {@code GET /v1/messages/{id}} shows it. */
    protected JsonNode status(String messageId) {
        return hub().get("/v1/messages/" + messageId, "Authorization", V1_KEY).json();
    }

    /** The event types of a v1 message's timeline, oldest first. */
    protected List<String> timeline(String messageId) {
        return status(messageId).path("events").findValuesAsText("type");
    }
}
