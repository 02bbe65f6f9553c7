package io.switchboard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.camel.Headers;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.PrometheusScrape;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * The queue gauges against the hub's real broker: a message nobody consumes shows in its queue's depth and oldest
 * age, and dead letters are counted by the queue they name, the hub's note first, then the broker's.
 */
class QueueGaugesIntegrationTest extends HubIntegrationTest {

    private static final String INVALID = "switchboard.ingress.invalid";
    private static final String DEAD_LETTERS = "switchboard.dlq";
    private static final String BROKER_ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    private static final String MARKER = "SwitchboardGaugeTest";
    private static final Set<String> HUB_QUEUES = Set.of("switchboard.ingress", INVALID, "switchboard.outbound",
            "switchboard.failover", "switchboard.webhooks", "switchboard.webhook.deliveries",
            "switchboard.webhook.parked", "switchboard.callbacks.unmatched");

    private final String marker = UUID.randomUUID().toString();

    @Autowired
    private ConnectionFactory connectionFactory;

    @AfterEach
    void takeTheTestsMessagesAway() {
        removeFromQueue(INVALID, MARKER + " = '" + marker + "'");
        removeFromQueue(DEAD_LETTERS, MARKER + " = '" + marker + "'");
    }

    @Test
    void shouldShowTheDepthAndOldestAgeOfAQueueNobodyConsumes() {
        send(INVALID, Map.of());

        eventually().untilAsserted(() -> {
            PrometheusScrape metrics = PrometheusScrape.of(hub());
            assertThat(metrics.value("switchboard_queue_depth", "queue", INVALID))
                    .isEqualTo(messagesWaiting(INVALID)).isGreaterThanOrEqualTo(1);
            assertThat(metrics.value("switchboard_queue_oldest_age_seconds", "queue", INVALID)).isPositive();
            assertThat(metrics.series("switchboard_queue_depth")).extracting(labels -> labels.get("queue"))
                    .containsAll(HUB_QUEUES).contains(DEAD_LETTERS);
        });
    }

    @Test
    void shouldCountDeadLettersByTheQueueTheyCameFrom() {
        send(DEAD_LETTERS, Map.of(Headers.ORIGINAL_QUEUE, "switchboard.outbound"));
        send(DEAD_LETTERS, Map.of(BROKER_ORIGINAL_QUEUE, "switchboard.failover"));
        send(DEAD_LETTERS, Map.of());

        eventually().untilAsserted(() -> {
            Map<String, Long> expected = deadLettersByQueue();
            assertThat(expected.get("switchboard.outbound")).isGreaterThanOrEqualTo(1);
            assertThat(expected.get("switchboard.failover")).isGreaterThanOrEqualTo(1);
            assertThat(expected.get("unknown")).isGreaterThanOrEqualTo(1);
            PrometheusScrape metrics = PrometheusScrape.of(hub());
            for (String queue : HUB_QUEUES) {
                assertThat(metrics.value("switchboard_dead_letters", "queue", queue)).as(queue)
                        .isEqualTo(expected.getOrDefault(queue, 0L).doubleValue());
            }
            assertThat(metrics.value("switchboard_dead_letters", "queue", "unknown"))
                    .isEqualTo(expected.get("unknown").doubleValue());
        });
    }

    private void send(String queue, Map<String, String> properties) {
        new JmsTemplate(connectionFactory).send(queue, session -> {
            TextMessage message = session.createTextMessage("{}");
            message.setStringProperty(MARKER, marker);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            return message;
        });
    }

    /** The dead letters as a browser of the queue sorts them, for the gauges to agree with. */
    private Map<String, Long> deadLettersByQueue() {
        Map<String, Long> counts = new HashMap<>();
        new JmsTemplate(connectionFactory).browse(DEAD_LETTERS, (session, browser) -> {
            for (Object each : Collections.list(browser.getEnumeration())) {
                Message letter = (Message) each;
                String queue = letter.getStringProperty(Headers.ORIGINAL_QUEUE);
                if (queue == null) {
                    queue = letter.getStringProperty(BROKER_ORIGINAL_QUEUE);
                }
                counts.merge(queue != null && HUB_QUEUES.contains(queue) ? queue : "unknown", 1L, Long::sum);
            }
            return null;
        });
        return counts;
    }
}
