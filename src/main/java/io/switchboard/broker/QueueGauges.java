package io.switchboard.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.switchboard.camel.Headers;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * How much waits on the broker: every hub queue's depth and the age of its oldest waiting message, and the dead letters
 * by the queue they came from, as gauges (docs/operations.md, "Metrics"). The broker's own management is asked over
 * JMS (its {@code activemq.management} address), so the embedded broker and a standalone one answer alike, on a thread
 * of its own every {@code switchboard.metrics.queue-poll}; a scrape reads the last answer and never waits on the
 * broker. A broker that does not answer (away, or refusing management to the hub's user) is warned about once, and the
 * gauges report nothing until it answers again.
 */
@Component
class QueueGauges implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);
    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    /** Where the broker notes the queue of a message it dead-lettered or expired itself. */
    private static final String BROKER_ORIGINAL_QUEUE =
            org.apache.activemq.artemis.api.core.Message.HDR_ORIGINAL_QUEUE.toString();
    private static final String UNKNOWN = "unknown";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);
    private static final Snapshot NOTHING = new Snapshot(Map.of(), Map.of());
    private static final QueueState EMPTY = new QueueState(0, 0);

    private final JmsTemplate management;
    private final ObjectMapper mapper;
    private final Duration period;
    /** The hub's own queues, which every poll asks about; the subscribers' queues are found on the addresses. */
    private final Set<String> hubQueues;
    private final List<String> multicastAddresses;
    private final String deadLetters;
    private final MultiGauge depthGauge;
    private final MultiGauge ageGauge;
    private final MultiGauge deadLetterGauge;
    private volatile Snapshot last = NOTHING;
    private volatile boolean warned;
    private volatile boolean running;
    private ScheduledExecutorService poller;

    QueueGauges(ConnectionFactory connectionFactory, BrokerProperties broker, ObjectMapper mapper, MeterRegistry meters,
            @Value("${switchboard.metrics.queue-poll:5s}") Duration period) {
        this.management = new JmsTemplate(connectionFactory);
        this.mapper = mapper;
        this.period = period;
        this.hubQueues = new LinkedHashSet<>(List.of(broker.ingress(), broker.ingressInvalid(), broker.outbound(),
                broker.failover(), broker.webhooksQueue(), broker.webhookDeliveries(), broker.webhooksParked(),
                broker.callbacksUnmatched(), broker.deadLetters()));
        this.multicastAddresses = List.of(broker.events(), broker.inbound());
        this.deadLetters = broker.deadLetters();
        this.depthGauge = MultiGauge.builder("switchboard.queue.depth")
                .description("Messages on a broker queue: waiting, scheduled for later and being delivered")
                .register(meters);
        this.ageGauge = MultiGauge.builder("switchboard.queue.oldest.age").baseUnit("seconds")
                .description("Age of the oldest message waiting on a broker queue; 0 when none waits")
                .register(meters);
        this.deadLetterGauge = MultiGauge.builder("switchboard.dead.letters")
                .description("Messages on the dead-letter queue, by the hub queue they came from")
                .register(meters);
    }

    /**
     * @param queues      each queue's depth and the age of its oldest waiting message, in seconds
     * @param deadLetters the dead letters by the hub queue they came from, {@value #UNKNOWN} for the others
     */
    private record Snapshot(Map<String, QueueState> queues, Map<String, Long> deadLetters) {
    }

    private record QueueState(long depth, double oldestAgeSeconds) {
    }

    /** Asks the broker now and shows its answer, or nothing if it does not answer. */
    void refresh() {
        Snapshot snapshot;
        try {
            snapshot = management.execute(this::ask, true);
            if (warned) {
                LOG.info("The broker's management answers again; the queue gauges report again");
                warned = false;
            }
        } catch (RuntimeException unanswered) {
            if (!running && poller != null) {
                // stopping: the poll was cut short, the broker did nothing wrong
                return;
            }
            if (!warned) {
                LOG.warn("The broker's management does not answer the hub, so the queue and dead-letter gauges report "
                        + "nothing until it does (a standalone broker must grant the hub's user the manage "
                        + "permission on {}): {}", MANAGEMENT_ADDRESS, unanswered.toString());
                warned = true;
            }
            snapshot = NOTHING;
        }
        last = snapshot;
        show(snapshot);
    }

    private void show(Snapshot snapshot) {
        List<MultiGauge.Row<?>> depthRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
        for (String queue : snapshot.queues().keySet()) {
            Tags tags = Tags.of("queue", queue);
            depthRows.add(MultiGauge.Row.of(tags, () -> shown(queue).depth()));
            ageRows.add(MultiGauge.Row.of(tags, () -> shown(queue).oldestAgeSeconds()));
        }
        List<MultiGauge.Row<?>> deadLetterRows = new ArrayList<>();
        for (String queue : snapshot.deadLetters().keySet()) {
            deadLetterRows.add(MultiGauge.Row.of(Tags.of("queue", queue),
                    () -> last.deadLetters().getOrDefault(queue, 0L)));
        }
        // rows already shown keep reading the latest snapshot; a queue gone from it is no longer shown
        depthGauge.register(depthRows, false);
        ageGauge.register(ageRows, false);
        deadLetterGauge.register(deadLetterRows, false);
    }

    private QueueState shown(String queue) {
        return last.queues().getOrDefault(queue, EMPTY);
    }

    private Snapshot ask(Session session) throws JMSException {
        TemporaryQueue replies = session.createTemporaryQueue();
        try (MessageProducer requests = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                MessageConsumer answers = session.createConsumer(replies)) {
            Broker broker = new Broker(session, requests, answers, replies);
            Map<String, QueueState> queues = new HashMap<>();
            for (String queue : hubQueues) {
                queues.put(queue, stateOf(broker, queue));
            }
            for (String address : multicastAddresses) {
                for (String queue : subscriberQueues(broker, address)) {
                    subscriberQueue(broker, queue).ifPresent(state -> queues.put(queue, state));
                }
            }
            return new Snapshot(queues, deadLettersByQueue(broker));
        } finally {
            replies.delete();
        }
    }

    private static QueueState stateOf(Broker broker, String queue) throws JMSException {
        long depth = ((Number) broker.attribute(ResourceNames.QUEUE + queue, "messageCount")).longValue();
        Object ageMillis = broker.attribute(ResourceNames.QUEUE + queue, "firstMessageAge");
        return new QueueState(depth, ageMillis == null ? 0 : Math.max(0, ((Number) ageMillis).longValue()) / 1000.0);
    }

    /** The queues on a multicast address; none when the broker has no such address. */
    private static List<String> subscriberQueues(Broker broker, String address) throws JMSException {
        try {
            return Arrays.stream((Object[]) broker.attribute(ResourceNames.ADDRESS + address, "queueNames"))
                    .map(Object::toString).toList();
        } catch (ManagementRefusal noSuchAddress) {
            return List.of();
        }
    }

    /**
     * A durable queue a subscriber made on a multicast address; empty for one that is not durable (a subscriber's
     * passing queue, named anew each time) and for one gone since the address listed it.
     */
    private Optional<QueueState> subscriberQueue(Broker broker, String queue) throws JMSException {
        if (hubQueues.contains(queue)) {
            return Optional.empty();
        }
        try {
            return Boolean.TRUE.equals(broker.attribute(ResourceNames.QUEUE + queue, "durable"))
                    ? Optional.of(stateOf(broker, queue)) : Optional.empty();
        } catch (ManagementRefusal gone) {
            return Optional.empty();
        }
    }

    /**
     * The dead letters by the hub queue they came from: as the hub noted it when it dead-lettered one itself, else as
     * the broker did; {@value #UNKNOWN} for those that name neither or another queue. Every hub queue is shown, with 0
     * when none of its messages is dead.
     */
    private Map<String, Long> deadLettersByQueue(Broker broker) throws JMSException {
        Map<String, Long> counts = new HashMap<>();
        for (String queue : hubQueues) {
            if (!queue.equals(deadLetters)) {
                counts.put(queue, 0L);
            }
        }
        counts.put(UNKNOWN, 0L);
        String hubNoted = Headers.ORIGINAL_QUEUE + " IS NOT NULL";
        String brokerNoted = Headers.ORIGINAL_QUEUE + " IS NULL AND " + BROKER_ORIGINAL_QUEUE + " IS NOT NULL";
        String neither = Headers.ORIGINAL_QUEUE + " IS NULL AND " + BROKER_ORIGINAL_QUEUE + " IS NULL";
        Map<String, Long> byQueue = new HashMap<>(countedBy(broker, hubNoted, Headers.ORIGINAL_QUEUE));
        countedBy(broker, brokerNoted, BROKER_ORIGINAL_QUEUE).forEach((queue, count) -> byQueue.merge(queue, count,
                Long::sum));
        byQueue.forEach((queue, count) -> counts.merge(counts.containsKey(queue) ? queue : UNKNOWN, count, Long::sum));
        counts.merge(UNKNOWN, ((Number) broker.operation(ResourceNames.QUEUE + deadLetters, "countMessages",
                neither)).longValue(), Long::sum);
        return counts;
    }

    private Map<String, Long> countedBy(Broker broker, String filter, String property) throws JMSException {
        Object counts = broker.operation(ResourceNames.QUEUE + deadLetters, "countMessages", filter, property);
        try {
            return mapper.readValue(counts.toString(), new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new ManagementRefusal("the broker's count of dead letters by " + property + " does not read: "
                    + counts);
        }
    }

    /** One management request after another on one session, each answered on the poll's own temporary queue. */
    private record Broker(Session session, MessageProducer requests, MessageConsumer answers, TemporaryQueue replies) {

        Object attribute(String resource, String attribute) throws JMSException {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, resource, attribute);
            return answer(request, resource + " " + attribute);
        }

        Object operation(String resource, String operation, Object... parameters) throws JMSException {
            Message request = session.createMessage();
            JMSManagementHelper.putOperationInvocation(request, resource, operation, parameters);
            return answer(request, resource + " " + operation);
        }

        private Object answer(Message request, String asked) throws JMSException {
            request.setJMSReplyTo(replies);
            requests.send(request);
            Message reply = answers.receive(REPLY_TIMEOUT.toMillis());
            if (reply == null) {
                // a late answer would be taken for the next request's: the poll ends here
                throw new IllegalStateException("no answer to " + asked + " within " + REPLY_TIMEOUT.toSeconds()
                        + " s");
            }
            try {
                if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                    throw new ManagementRefusal(asked + " refused: " + JMSManagementHelper.getResult(reply));
                }
                return JMSManagementHelper.getResult(reply);
            } catch (JMSException | ManagementRefusal e) {
                throw e;
            } catch (Exception unreadable) {
                throw new ManagementRefusal("the answer to " + asked + " does not read: " + unreadable);
            }
        }
    }

    /** The broker's management answered a request with a refusal, such as for a queue it does not have. */
    private static final class ManagementRefusal extends IllegalStateException {

        ManagementRefusal(String message) {
            super(message);
        }
    }

    @Override
    public void start() {
        running = true;
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "queue-gauges");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
