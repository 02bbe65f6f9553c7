package io.switchboard.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.broker.IndependentBrokerConnections;
import io.switchboard.camel.Headers;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Message;
import io.switchboard.store.Submission;
import io.switchboard.tracing.TraceParent;
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
 * time of a scheduled message; and publishes each one's {@code message.queued} event with it, as
 * {@code routes/events.camel.yaml} publishes the others, so it is on the events address before dispatch can publish a
 * later one. Both carry the trace context of the request that accepted the message, as the routes' sends do.
 *
 * <p>A batch of new messages goes out in one broker transaction, so the broker syncs its journal once for all of them.
 * A single message is sent on its own: the broker confirms a persistent send once it is synced, and a copy its
 * duplicate detection drops (a replay's, or one a rolled-back batch had already put there) is dropped silently, where
 * inside a transaction it would roll back the whole transaction.
 */
@Component("outboundQueue")
public class OutboundQueue {

    private final IndependentBrokerConnections connections;
    private final ObjectMapper mapper;
    private final String queueName;
    private final String eventsAddress;

    public OutboundQueue(IndependentBrokerConnections connections, ObjectMapper mapper,
            @Value("${switchboard.broker.outbound}") String queueName,
            @Value("${switchboard.broker.events}") String eventsAddress) {
        this.connections = connections;
        this.mapper = mapper;
        this.queueName = queueName;
        this.eventsAddress = eventsAddress;
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
                MessageProducer events = session.createProducer(session.createTopic(eventsAddress));
                events.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (Submission message : messages) {
                    producer.send(queueMessage(session, message));
                    events.send(eventMessage(session, message.queued(), message.traceParent()));
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

    private TextMessage eventMessage(Session session, DeliveryEvent event, String traceParent) throws JMSException {
        try {
            TextMessage published = session.createTextMessage(mapper.writeValueAsString(event));
            published.setStringProperty(Headers.MESSAGE_ID, event.messageId());
            published.setStringProperty(Headers.TENANT_ID, event.tenantId());
            published.setStringProperty(Headers.GROUP_ID, event.messageId());
            published.setStringProperty(Headers.DUPLICATE_ID, event.dedupeKey());
            traced(published, traceParent);
            return published;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A delivery event always serializes", e);
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
        traced(queued, submission.traceParent());
        return queued;
    }

    private static void traced(TextMessage message, String traceParent) throws JMSException {
        if (traceParent != null) {
            message.setStringProperty(TraceParent.HEADER, traceParent);
        }
    }
}
