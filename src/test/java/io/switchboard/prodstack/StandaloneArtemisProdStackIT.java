package io.switchboard.prodstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.prodstack.StandaloneArtemis;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standalone broker the production stack runs on: Artemis 2.44 from the distribution with docker/broker.xml, in
 * a process of its own that a test can kill -9 and start again on the same journal, with its disk limit set per start.
 */
class StandaloneArtemisProdStackIT {

    private static final Path DIRECTORY = Path.of("target", "prod-stack", "artemis-" + UUID.randomUUID());
    private static StandaloneArtemis broker;

    @BeforeAll
    static void startBroker() {
        broker = StandaloneArtemis.start(DIRECTORY);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldKeepAPersistentMessageThroughAKill9() throws JMSException {
        String text = "kept " + UUID.randomUUID();
        try (Connection connection = connect(); Session session = connection.createSession()) {
            MessageProducer producer = session.createProducer(session.createQueue("switchboard.ingress"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage(text));
        }

        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        try (Connection connection = connect(); Session session = connection.createSession()) {
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue("switchboard.ingress"));
            Message received = consumer.receive(10_000);
            assertThat(received).as("the message sent before the kill").isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo(text);
        }
    }

    @Test
    void shouldTakeItsDiskLimitFromTheStartAndItsQueuesFromDockerBrokerXml() {
        broker.stop();
        // above the default and above any disk the other test could write to: it never blocks a producer here
        broker.maxDiskUsage(99).start();

        assertThat(((Number) broker.managementAttribute(ResourceNames.BROKER, "maxDiskUsage")).intValue())
                .isEqualTo(99);
        assertThat((Object[]) broker.managementAttribute(ResourceNames.BROKER, "queueNames"))
                .contains("switchboard.outbound", "switchboard.failover",
                "switchboard.webhooks", "switchboard.webhook.deliveries", "switchboard.webhook.parked",
                "switchboard.callbacks.unmatched", "switchboard.dlq");
    }

    private static Connection connect() throws JMSException {
        return factory().createConnection(broker.user(), broker.password());
    }

    private static ActiveMQConnectionFactory factory() {
        return new ActiveMQConnectionFactory(broker.url());
    }
}
