package io.switchboard.webhook;

import io.switchboard.broker.BrokerProperties;
import io.switchboard.broker.IndependentBrokerConnections;
import io.switchboard.broker.RequeuedCopies;
import io.switchboard.camel.Headers;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The webhook deliveries parked while their endpoint's breaker was open. A dead subscriber's deliveries would
 * otherwise come back from the broker at every retry only to be refused again, each costing a consume, a rollback and
 * a journal write, thousands a second after a busy hour; parked, each costs one move until the endpoint is tried.
 * Parked deliveries go back to the delivery queue a few at a time when the breaker lets trial posts through, and all
 * of them once it closes; one parked longer than {@code parked-for} expires to the dead letters.
 */
@Component
public class ParkedWebhooks implements WebhookEndpoints.ParkedDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(ParkedWebhooks.class);
    private static final long RECEIVE_TIMEOUT_MS = 1_000;

    private final JmsTemplate jms;
    private final BrokerProperties broker;

    public ParkedWebhooks(IndependentBrokerConnections connections, BrokerProperties broker) {
        // each delivery leaves the parked queue and reaches the delivery queue in one broker transaction
        this.jms = new JmsTemplate(connections.factory());
        this.jms.setSessionTransacted(true);
        this.broker = broker;
    }

    @Override
    public int release(String endpoint, int atMost) {
        Integer released = jms.execute(session -> {
            int moved = 0;
            String selector = endpoint == null ? null : Headers.WEBHOOK_ENDPOINT + " = '" + endpoint.replace("'", "''") + "'";
            try (MessageConsumer parked = session.createConsumer(session.createQueue(broker.webhooksParked()),
                    selector);
                    MessageProducer deliveries = session.createProducer(
                            session.createQueue(broker.webhookDeliveries()))) {
                Message message;
                while (moved < atMost && (message = parked.receive(RECEIVE_TIMEOUT_MS)) != null) {
                    deliveries.send(RequeuedCopies.of(session, message));
                    moved++;
                    // a commit per batch keeps the transaction small while an endpoint's whole backlog moves
                    if (moved % 500 == 0) {
                        session.commit();
                    }
                }
                session.commit();
            }
            return moved;
        }, true);
        if (released > 0) {
            LOG.info("Released {} parked webhook deliveries to {}", released,
                    endpoint == null ? "their endpoints" : endpoint);
        }
        return released;
    }
}
