package io.switchboard.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.api.ApiRefusals;
import io.switchboard.model.Dialect;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.model.TextContent;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.store.Acceptance;
import io.switchboard.testing.HubIntegrationTest;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The intake's group commit with the messages of one batch held back on purpose: the writer's first enqueue waits at a
 * gate while the others queue up behind it, so they are recorded and enqueued by one commit. One writer, so every
 * submission waits for the same one. Its own context, since it rewires the enqueue route.
 */
class GroupCommitIntegrationTest extends HubIntegrationTest {

    private static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>(new CountDownLatch(0));
    private static final CountDownLatch AT_THE_GATE = new CountDownLatch(0);
    private static final AtomicReference<CountDownLatch> ARRIVED = new AtomicReference<>(AT_THE_GATE);
    private static final AtomicBoolean BROKER_REFUSES = new AtomicBoolean();

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @Autowired
    private MessageIntake intake;

    @Autowired
    private GroupCommit groupCommit;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private SandboxLedger sandbox;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ApiRefusals refusals;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "group-commit");
        registry.add("switchboard.intake.writers", () -> "1");
    }

    @BeforeAll
    static void gateTheEnqueue(@Autowired CamelContext camel) throws Exception {
        AdviceWith.adviceWith(camel, "enqueue-outbound", route -> route.weaveById("enqueue-outbound-send").before()
                .process(exchange -> {
                    ARRIVED.get().countDown();
                    if (!GATE.get().await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the gate stayed closed");
                    }
                    if (BROKER_REFUSES.get()) {
                        throw new JMSException("the broker refused the send");
                    }
                }));
    }

    @AfterEach
    void openTheGate() {
        GATE.get().countDown();
        BROKER_REFUSES.set(false);
        clients.shutdownNow();
    }

    @Test
    void shouldRecordAndEnqueueTheMessagesThatWaitedTogetherInOneCommit() throws Exception {
        CompletableFuture<Acceptance> blocker = holdTheWriter("+15557400810");
        String key = "group-" + Ids.eventId();
        List<CompletableFuture<Acceptance>> fresh = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fresh.add(submit(message("+155574008" + (20 + i)), i == 0 ? key : key + "-" + i));
        }
        List<CompletableFuture<Acceptance>> repeats = List.of(submit(message("+15557400820"), key),
                submit(message("+15557400820"), key), submit(message("+15557400820"), key));
        CompletableFuture<Acceptance> reused = submit(message("+15557400899"), key);
        long batchesBefore = batches().count();

        GATE.get().countDown();

        assertThat(blocker.get(20, TimeUnit.SECONDS).outcome()).isEqualTo(Acceptance.Outcome.RECORDED);
        List<Message> recorded = new ArrayList<>();
        for (CompletableFuture<Acceptance> acceptance : fresh) {
            assertThat(acceptance.get(20, TimeUnit.SECONDS).outcome()).isEqualTo(Acceptance.Outcome.RECORDED);
            recorded.add(acceptance.get().message());
        }
        for (CompletableFuture<Acceptance> repeat : repeats) {
            assertThat(repeat.get(20, TimeUnit.SECONDS).outcome()).isEqualTo(Acceptance.Outcome.REPLAY);
            assertThat(repeat.get().message().id()).isEqualTo(recorded.get(0).id());
        }
        assertThat(reused.get(20, TimeUnit.SECONDS).outcome()).isEqualTo(Acceptance.Outcome.CONFLICT);
        assertThat(batches().count() - batchesBefore).as("the blocker's commit, then one for all who waited")
                .isEqualTo(2);
        assertThat(batches().max()).isEqualTo(16);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single()).isEqualTo(1);
        for (Message message : recorded) {
            eventually().until(() -> timeline(message.id()), timeline -> timeline.contains("delivered"));
        }
        eventually().during(Duration.ofMillis(500)).until(() -> recorded.stream()
                .allMatch(message -> carrierSends(message.recipient()) == 1));
        assertThat(carrierSends("+15557400899")).isZero();
    }

    @Test
    void shouldLetDispatchWaitForTheCommitOfAMessageEnqueuedBeforeIt() throws Exception {
        Message early = message("+15557401110");
        CompletableFuture<Acceptance> accepted = holdTheWriter(early);
        // dispatch's view: the broker may hand it the message while the transaction that enqueued it is still open
        CompletableFuture<Long> rowsOnceCommitted = CompletableFuture.supplyAsync(() -> {
            try {
                groupCommit.awaitCommit(early.id(), Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return jdbc.sql("SELECT COUNT(*) FROM messages WHERE id = :id").param("id", early.id())
                    .query(Long.class).single();
        }, clients);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> !rowsOnceCommitted.isDone());

        GATE.get().countDown();

        assertThat(accepted.get(20, TimeUnit.SECONDS).outcome()).isEqualTo(Acceptance.Outcome.RECORDED);
        assertThat(rowsOnceCommitted.get(20, TimeUnit.SECONDS)).as("the message's row, once the wait is over")
                .isEqualTo(1);
        assertThat(intake.ensureRecorded(early).outcome()).isEqualTo(Acceptance.Outcome.ALREADY_RECORDED);
    }

    @Test
    void shouldRecordTheOthersOfABatchOneOfWhoseMessagesTheStoreRefuses() throws Exception {
        CompletableFuture<Acceptance> blocker = holdTheWriter("+15557400910");
        List<CompletableFuture<Acceptance>> good = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            good.add(submit(message("+155574009" + (20 + i)), null));
        }
        // longer than the sender column: the batch's insert fails, and with it only this message
        Message unstorable = withSender(message("+15557400930"), "s".repeat(200));
        CompletableFuture<Acceptance> refused = submit(unstorable, null);

        GATE.get().countDown();

        blocker.get(20, TimeUnit.SECONDS);
        for (CompletableFuture<Acceptance> acceptance : good) {
            Message message = acceptance.get(20, TimeUnit.SECONDS).message();
            eventually().until(() -> timeline(message.id()), timeline -> timeline.contains("delivered"));
        }
        Throwable failure = catchThrowable(() -> refused.get(20, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(refusals.isRefusal(failure.getCause())).as("a fault of this message, not a passing refusal")
                .isFalse();
        assertThat(recipientsRecorded("+155574009%")).containsExactlyInAnyOrder("+15557400910", "+15557400920",
                "+15557400921", "+15557400922", "+15557400923");
    }

    @Test
    void shouldRefuseTheWholeBatchAndRecordNothingWhenTheBrokerRefusesItsSend() throws Exception {
        CompletableFuture<Acceptance> blocker = holdTheWriter("+15557401010");
        List<CompletableFuture<Acceptance>> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(submit(message("+155574010" + (20 + i)), "broker-" + Ids.eventId()));
        }
        BROKER_REFUSES.set(true);

        GATE.get().countDown();

        for (CompletableFuture<Acceptance> acceptance : waiting) {
            Throwable failure = catchThrowable(() -> acceptance.get(20, TimeUnit.SECONDS));
            assertThat(refusals.of(failure.getCause()).getStatus()).as(failure.toString()).isEqualTo(503);
        }
        assertThat(catchThrowable(() -> blocker.get(20, TimeUnit.SECONDS))).isNotNull();
        assertThat(recipientsRecorded("+155574010%")).isEmpty();
    }

    /** Submits a message whose commit waits at the gate, so the writer takes nothing more until it opens. */
    private CompletableFuture<Acceptance> holdTheWriter(String recipient) throws InterruptedException {
        return holdTheWriter(message(recipient));
    }

    private CompletableFuture<Acceptance> holdTheWriter(Message held) throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        ARRIVED.set(arrived);
        GATE.set(new CountDownLatch(1));
        CompletableFuture<Acceptance> blocker = CompletableFuture.supplyAsync(() -> intake.accept(held, null, null),
                clients);
        assertThat(arrived.await(20, TimeUnit.SECONDS)).as("the writer reached the gate").isTrue();
        ARRIVED.set(AT_THE_GATE);
        return blocker;
    }

    /** Submits a message and returns once it waits for the writer, so submissions queue in the order given. */
    private CompletableFuture<Acceptance> submit(Message message, String key) {
        double before = waiting();
        CompletableFuture<Acceptance> acceptance = CompletableFuture.supplyAsync(
                () -> intake.accept(message, key, null), clients);
        eventually().until(() -> waiting() == before + 1);
        return acceptance;
    }

    private double waiting() {
        return meters.get("switchboard.intake.waiting").gauge().value();
    }

    private io.micrometer.core.instrument.DistributionSummary batches() {
        return meters.get("switchboard.intake.batch.size").summary();
    }

    private long carrierSends(String recipient) {
        return sandbox.entries().stream().filter(entry -> entry.recipient().replace("+", "")
                .equals(recipient.replace("+", "")) && entry.accepted()).count();
    }

    private List<String> recipientsRecorded(String pattern) {
        return jdbc.sql("SELECT recipient FROM messages WHERE recipient LIKE :pattern").param("pattern", pattern)
                .query(String.class).list();
    }

    private static Message message(String recipient) {
        return new Message(Ids.messageId(), "demo", Dialect.V1, null, "ag_live_demo", recipient,
                new TextContent("Grouped", List.of()), null, null, null, null,
                Map.of("v1.traffic_type", "TRANSACTION"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static Message withSender(Message message, String sender) {
        return new Message(message.id(), message.tenantId(), message.sourceDialect(), message.idempotencyKey(), sender,
                message.recipient(), message.content(), message.failover(), message.callbackUrl(),
                message.timeToLive(), message.sendAt(), message.metadata(), message.createdAt());
    }
}
