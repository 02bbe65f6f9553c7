package io.switchboard.intake;

import io.switchboard.broker.IndependentBrokerConnections;
import io.switchboard.camel.Headers;
import io.switchboard.model.Message;
import io.switchboard.store.Submission;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;

/**
 * Puts accepted messages on the outbound queue: persistent, grouped by message so the JMS messages about one message
 * are handled in order, one copy per message id (broker duplicate detection), and held on the broker until the send
 * time of a scheduled message.
 *
 * <p>A batch of new messages goes out in one broker transaction, so the broker syncs its journal once for all of them.
 * A single message is sent on its own: the broker confirms a persistent send once it is synced, and a copy its
 * duplicate detection drops (a replay's, or one a rolled-back batch had already put there) is dropped silently, where
 * inside a transaction it would roll back the whole transaction.
 */
@Component("outboundQueue")
public class OutboundQueue {

    private final IndependentBrokerConnections connections;
    private final String queueName;

    public OutboundQueue(IndependentBrokerConnections connections,
            @Value("${switchboard.broker.outbound}") String queueName) {
        this.connections = connections;
        this.queueName = queueName;
    }

    /** Returns once the broker holds every message of the batch. */
    public void sendAll(List<Submission> messages) throws JMSException {
        if (messages.isEmpty()) {
            return;
        }
        boolean transacted = messages.size() > 1;
        Connection connection = connections.factory().createConnection();
        try {
            Session session = connection.createSession(transacted,
                    transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
            try {
                MessageProducer producer = session.createProducer(session.createQueue(queueName));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (Submission message : messages) {
                    producer.send(queueMessage(session, message));
                }
                if (transacted) {
                    session.commit();
                }
            } catch (JMSException | RuntimeException e) {
                if (transacted) {
                    JmsUtils.rollbackIfNecessary(session);
                }
                throw e;
            } finally {
                JmsUtils.closeSession(session);
            }
        } finally {
            JmsUtils.closeConnection(connection);
        }
    }

    private static TextMessage queueMessage(Session session, Submission submission) throws JMSException {
        Message message = submission.message();
        TextMessage queued = session.createTextMessage(submission.json());
        queued.setStringProperty(Headers.MESSAGE_ID, message.id());
        queued.setStringProperty(Headers.TENANT_ID, message.tenantId());
        queued.setStringProperty(Headers.GROUP_ID, message.id());
        queued.setStringProperty(Headers.DUPLICATE_ID, message.id());
        if (message.sendAt() != null) {
            queued.setLongProperty(Headers.SCHEDULED_DELIVERY, message.sendAt().toEpochMilli());
        }
        return queued;
    }
}
