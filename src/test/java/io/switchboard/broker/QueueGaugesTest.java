package io.switchboard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.json.Json;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/** A broker that refuses the hub its management: the gauges say nothing, and the log says why, once. */
class QueueGaugesTest {

    private static final BrokerProperties BROKER = new BrokerProperties("switchboard.ingress",
            "switchboard.ingress.invalid", "switchboard.outbound", "switchboard.failover", "switchboard.events",
            "switchboard.webhooks", "switchboard.webhook.deliveries", "switchboard.webhook.parked",
            "switchboard.callbacks.unmatched", "switchboard.inbound", "switchboard.dlq", null, null, null,
            Duration.ofSeconds(2), DataSize.ofMegabytes(64));

    private final Logger logger = (Logger) LoggerFactory.getLogger(QueueGauges.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Level level = logger.getLevel();

    @AfterEach
    void restoreTheLogger() {
        logger.detachAppender(log);
        logger.setLevel(level);
    }

    @Test
    void shouldReportNothingAndWarnOnceWhileTheBrokerRefusesItsManagement() {
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.INFO);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QueueGauges gauges = new QueueGauges(new RefusingBroker(), BROKER, Json.newMapper(), registry,
                Duration.ofSeconds(5));

        gauges.refresh();
        gauges.refresh();

        assertThat(registry.find("switchboard.queue.depth").gauges()).isEmpty();
        assertThat(registry.find("switchboard.queue.oldest.age").gauges()).isEmpty();
        assertThat(registry.find("switchboard.dead.letters").gauges()).isEmpty();
        assertThat(log.list).singleElement().satisfies(warning -> {
            assertThat(warning.getLevel()).isEqualTo(Level.WARN);
            assertThat(warning.getFormattedMessage()).contains("manage permission", "AMQ229032");
        });
    }

    /** A broker whose security refuses the hub's user everything it asks. */
    private static final class RefusingBroker implements ConnectionFactory {

        private static JMSSecurityException refused() {
            return new JMSSecurityException("AMQ229032: User: hub does not have permission='MANAGE'");
        }

        @Override
        public Connection createConnection() throws JMSSecurityException {
            throw refused();
        }

        @Override
        public Connection createConnection(String userName, String password) throws JMSSecurityException {
            throw refused();
        }

        @Override
        public JMSContext createContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        public JMSContext createContext(String userName, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JMSContext createContext(String userName, String password, int sessionMode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JMSContext createContext(int sessionMode) {
            throw new UnsupportedOperationException();
        }
    }
}
