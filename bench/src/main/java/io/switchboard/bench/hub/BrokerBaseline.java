package io.switchboard.bench.hub;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The raw broker: one producer sending persistent messages of the hub's size, one consumer taking them, each on a
 * connection of its own, against a standalone Artemis of the hub's version and {@code docker/broker.xml}. The
 * producer keeps up to {@value #IN_FLIGHT} sends unconfirmed (JMS 2 asynchronous send), as Artemis' own perf client
 * does, so one journal sync confirms many messages, as it does for the hub's many concurrent producers. What it moves
 * a second is the ceiling every hop of the hub's pipeline shares.
 */
final class BrokerBaseline {

    private static final int IN_FLIGHT = 256;

    record Outcome(double sentPerSecond, double receivedPerSecond, long received) {
    }

    private BrokerBaseline() {
    }

    static Outcome run(String url, String user, String password, String queueName, String body, Duration warmUp,
            Duration duration) throws Exception {
        // a confirmation window, without which Artemis confirms no asynchronous send
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                url + (url.contains("?") ? "&" : "?") + "confirmationWindowSize=1048576", user, password);
        try (Connection producing = factory.createConnection(); Connection consuming = factory.createConnection()) {
            consuming.start();
            Session consumerSession = consuming.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = consumerSession.createConsumer(consumerSession.createQueue(queueName));
            AtomicLong received = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread taker = new Thread(() -> {
                try {
                    while (running.get()) {
                        if (consumer.receive(200) != null) {
                            received.incrementAndGet();
                        }
                    }
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            }, "raw-broker-consumer");
            taker.start();
            Session producerSession = producing.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = producerSession.createQueue(queueName);
            MessageProducer producer = producerSession.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            send(producerSession, producer, body, warmUp);
            long receivedBefore = received.get();
            long begin = System.nanoTime();
            long sent = send(producerSession, producer, body, duration);
            double seconds = (System.nanoTime() - begin) / 1e9;
            long receivedDuring = received.get() - receivedBefore;
            running.set(false);
            taker.join();
            return new Outcome(sent / seconds, receivedDuring / seconds, receivedDuring);
        }
    }

    private static long send(Session session, MessageProducer producer, String body, Duration duration)
            throws JMSException, InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicReference<Exception> failed = new AtomicReference<>();
        CompletionListener confirmed = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                inFlight.release();
            }

            @Override
            public void onException(Message message, Exception exception) {
                failed.set(exception);
                inFlight.release();
            }
        };
        long end = System.nanoTime() + duration.toNanos();
        long sent = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            producer.send(session.createTextMessage(body), confirmed);
            sent++;
        }
        inFlight.acquire(IN_FLIGHT);
        if (failed.get() != null) {
            throw new IllegalStateException("The broker refused a send", failed.get());
        }
        return sent;
    }
}
