package io.switchboard.operations;

import io.switchboard.broker.BrokerProperties;
import io.switchboard.broker.RequeuedCopies;
import io.switchboard.camel.Headers;
import io.switchboard.store.MessageStore;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * What is on the dead-letter queue, and a replay that puts one entry back on the queue it came from, in one broker
 * transaction, so it is neither lost nor doubled. A replayed message that had failed is queued again, so its new
 * events move its status forward. {@code /actuator/deadletters} and the {@code DeadLetters} MBean both use it.
 */
@Component
public class DeadLetters {

    /** Where the broker itself notes the queue of a message it dead-lettered. */
    private static final String BROKER_ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    private static final long RECEIVE_TIMEOUT_MS = 2_000;

    private final JmsTemplate jms;
    private final BrokerProperties broker;
    private final MessageStore store;

    public DeadLetters(ConnectionFactory connectionFactory, BrokerProperties broker, MessageStore store) {
        // the take from the dead-letter queue and the send to the original queue commit together
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.broker = broker;
        this.store = store;
    }

    /** The first {@code atMost} dead letters, oldest first. */
    public List<DeadLetter> list(int atMost) {
        return jms.browse(broker.deadLetters(), (session, browser) -> {
            List<DeadLetter> letters = new ArrayList<>();
            Enumeration<?> messages = browser.getEnumeration();
            while (letters.size() < atMost && messages.hasMoreElements()) {
                letters.add(deadLetter((Message) messages.nextElement()));
            }
            return letters;
        });
    }

    /** How many messages the dead-letter queue holds. */
    public int count() {
        return jms.browse(broker.deadLetters(), (session, browser) -> {
            int count = 0;
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements(); messages.nextElement()) {
                count++;
            }
            return count;
        });
    }

    /** Puts the dead letter with this JMS message id back on its queue; empty when there is none. */
    public Optional<DeadLetter> replay(String id) {
        DeadLetter replayed = jms.execute(session -> {
            Queue deadLetters = session.createQueue(broker.deadLetters());
            try (MessageConsumer consumer = session.createConsumer(deadLetters, "JMSMessageID = '"
                    + id.replace("'", "''") + "'")) {
                Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
                if (message == null) {
                    return null;
                }
                DeadLetter letter = deadLetter(message);
                if (letter.originalQueue() == null) {
                    session.rollback();
                    throw new IllegalStateException("Dead letter " + id + " names no queue to go back to");
                }
                try (MessageProducer producer = session.createProducer(session.createQueue(letter.originalQueue()))) {
                    producer.send(RequeuedCopies.of(session, message));
                }
                session.commit();
                return letter;
            }
        }, true);
        if (replayed != null && replayed.messageId() != null) {
            store.requeue(replayed.messageId());
        }
        return Optional.ofNullable(replayed);
    }

    private static DeadLetter deadLetter(Message message) throws JMSException {
        String queue = message.getStringProperty(Headers.ORIGINAL_QUEUE);
        if (queue == null) {
            queue = message.getStringProperty(BROKER_ORIGINAL_QUEUE);
        }
        String reason = message.getStringProperty(Headers.DEAD_LETTER_REASON);
        return new DeadLetter(message.getJMSMessageID(), message.getStringProperty(Headers.MESSAGE_ID), queue,
                reason == null ? "the broker's delivery attempts are spent" : reason,
                Instant.ofEpochMilli(message.getJMSTimestamp()));
    }

    /**
     * @param id            the JMS message id, which the replay names
     * @param messageId     the hub's message, when the letter is about one
     * @param originalQueue the queue a replay puts it back on
     */
    public record DeadLetter(String id, String messageId, String originalQueue, String reason, Instant at) {
    }
}
