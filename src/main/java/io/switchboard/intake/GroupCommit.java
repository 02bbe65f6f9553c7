package io.switchboard.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.api.ApiRefusals;
import io.switchboard.camel.Headers;
import io.switchboard.logging.MessageMdc;
import io.switchboard.store.Acceptance;
import io.switchboard.store.MessageStore;
import io.switchboard.store.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake's group commit: the messages accepted at the same moment are recorded in one database transaction and
 * put on the outbound queue in one broker transaction, so the database writes and the broker syncs its journal once
 * per batch instead of once per message (docs/durability.md, "Accepting a message").
 *
 * <p>Each writer thread takes what has queued up for it, at most {@code max-batch} submissions. Submissions with the
 * same tenant and idempotency key always go to the same writer, so two writers never race for one key. A batch that
 * fails for a reason that is not a refusal (such as a key another hub recorded meanwhile) is rolled back and its
 * submissions recorded one by one, each with its own outcome; a refusal (the broker or database away) fails the whole
 * batch, since each submission would meet it again.
 */
@Component
class GroupCommit implements SmartLifecycle {

    static final String ENQUEUE = "direct:enqueue-outbound";
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** How often a waiting request checks whether the hub stopped before its batch was taken. */
    private static final long STOP_CHECK_MS = 500;

    private final MessageStore store;
    private final ObjectMapper mapper;
    private final ProducerTemplate camel;
    private final TransactionTemplate transactions;
    private final ApiRefusals refusals;
    private final int maxBatch;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    /**
     * The messages enqueued by a transaction that has not committed yet: the broker may hand one to dispatch before
     * its row is visible, and dispatch waits for the commit instead of recording the message a second time.
     */
    private final Map<String, CompletableFuture<Acceptance>> committing = new ConcurrentHashMap<>();
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private volatile boolean running;

    GroupCommit(MessageStore store, ObjectMapper mapper, ProducerTemplate camel, PlatformTransactionManager transactions,
            ApiRefusals refusals, MeterRegistry meters, @Value("${switchboard.intake.writers:2}") int writerCount,
            @Value("${switchboard.intake.max-batch:256}") int maxBatch) {
        this.store = store;
        this.mapper = mapper;
        this.camel = camel;
        this.transactions = new TransactionTemplate(transactions);
        this.refusals = refusals;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writerCount; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
        this.batchSizes = DistributionSummary.builder("switchboard.intake.batch.size")
                .description("Messages recorded and enqueued by one commit of the intake").register(meters);
        Gauge.builder("switchboard.intake.waiting", queues, waiting -> waiting.stream().mapToInt(Queue::size).sum())
                .description("Accepted messages waiting for the intake's next commit").register(meters);
    }

    /** Records the submission and puts it on the outbound queue with the others of its batch; returns once both hold. */
    Acceptance submit(Submission submission) {
        if (!running) {
            throw refusals.unavailable("The hub is stopping");
        }
        Pending pending = new Pending(submission);
        BlockingQueue<Pending> queue = queues.get(Math.floorMod(writerKey(submission), queues.size()));
        queue.add(pending);
        while (true) {
            try {
                return pending.outcome.get(STOP_CHECK_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // a writer that has stopped takes nothing more; one that took the submission completes it
                if (!running && queue.remove(pending)) {
                    throw refusals.unavailable("The hub is stopping");
                }
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refusals.unavailable("The hub is stopping");
            }
        }
    }

    private static int writerKey(Submission submission) {
        var message = submission.message();
        return message.idempotencyKey() == null ? message.id().hashCode()
                : (message.tenantId() + '\n' + message.idempotencyKey()).hashCode();
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }

    private void write(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Pending first = queue.poll(STOP_CHECK_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Returns once the transaction that enqueued this message has committed or failed, or after {@code atMost}; at
     * once for a message no transaction of this hub is committing.
     */
    void awaitCommit(String messageId, Duration atMost) throws InterruptedException {
        CompletableFuture<Acceptance> outcome = committing.get(messageId);
        if (outcome == null) {
            return;
        }
        try {
            outcome.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the caller finds the message recorded or not, and repairs what it must
        }
    }

    /** A batch of one message names it in the log's MDC while it commits; a larger batch's lines list their ids. */
    private void commit(List<Pending> batch) {
        try (MessageMdc.Scope named = MessageMdc.about(batch.size() == 1 ? batch.get(0).messageId() : null)) {
            List<Acceptance> outcomes = transactions.execute(status -> recordAndEnqueue(batch));
            batchSizes.record(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome.complete(outcomes.get(i));
            }
            if (LOG.isDebugEnabled()) {
                logCommitted(batch, outcomes);
            }
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1 || refusals.isRefusal(e)) {
                batch.forEach(pending -> pending.outcome.completeExceptionally(e));
                return;
            }
            LOG.info("A batch of {} accepted messages is recorded one by one ({}): {}", batch.size(),
                    batch.stream().map(Pending::messageId).toList(), e.toString());
            batch.forEach(pending -> commit(List.of(pending)));
        } finally {
            batch.forEach(pending -> committing.remove(pending.messageId(), pending.outcome));
        }
    }

    /** One line per message, each naming in the MDC the message its client is answered with (a replay's original). */
    private static void logCommitted(List<Pending> batch, List<Acceptance> outcomes) {
        for (Acceptance acceptance : outcomes) {
            try (MessageMdc.Scope named = MessageMdc.about(acceptance.message().id())) {
                LOG.debug("{} in a commit of {} accepted messages", acceptance.outcome(), batch.size());
            }
        }
    }

    /**
     * One database transaction: records the batch, then enqueues what it recorded (one broker commit) and, one by one,
     * the messages that replays and repeats stand for, whose copies the broker keeps once.
     */
    private List<Acceptance> recordAndEnqueue(List<Pending> batch) {
        List<Submission> submissions = batch.stream().map(pending -> pending.submission).toList();
        List<Acceptance> outcomes = submissions.size() == 1 ? List.of(store.accept(submissions.get(0)))
                : store.acceptAll(submissions);
        List<Submission> recorded = new ArrayList<>(submissions.size());
        Set<String> enqueued = new HashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).outcome() == Acceptance.Outcome.RECORDED) {
                recorded.add(submissions.get(i));
                enqueued.add(submissions.get(i).message().id());
                committing.put(submissions.get(i).message().id(), batch.get(i).outcome);
            }
        }
        if (!recorded.isEmpty()) {
            enqueue(recorded);
        }
        for (int i = 0; i < outcomes.size(); i++) {
            Acceptance acceptance = outcomes.get(i);
            if (acceptance.outcome() != Acceptance.Outcome.RECORDED
                    && acceptance.outcome() != Acceptance.Outcome.CONFLICT
                    && enqueued.add(acceptance.message().id())) {
                enqueue(List.of(Submission.of(acceptance.message(), mapper)));
            }
        }
        return outcomes;
    }

    /** The enqueue route's lines name the message it enqueues, none for several (its steps follow the header). */
    private void enqueue(List<Submission> submissions) {
        camel.sendBodyAndHeader(ENQUEUE, submissions, Headers.MESSAGE_ID,
                submissions.size() == 1 ? submissions.get(0).message().id() : null);
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Pending> queue = queues.get(i);
            Thread writer = new Thread(() -> write(queue), "intake-writer-" + (i + 1));
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server's graceful shutdown, whose requests under way wait here, and before the web server stops. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1536;
    }

    private static final class Pending {

        private final Submission submission;
        private final CompletableFuture<Acceptance> outcome = new CompletableFuture<>();

        private Pending(Submission submission) {
            this.submission = submission;
        }

        private String messageId() {
            return submission.message().id();
        }
    }
}
