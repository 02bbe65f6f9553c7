package io.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.model.Dialect;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.model.TextContent;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake sends a message to the broker before its database transaction commits, so dispatch can look for the
 * row while the intake still holds it uncommitted. Dispatch's insert then waits for the intake's row lock; once the
 * intake commits, the insert is refused by the key and dispatch finds the message recorded and goes on with it,
 * instead of failing and waiting for a redelivery.
 */
class RecordingRaceIntegrationTest extends HubIntegrationTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @Autowired
    private MessageStore store;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldFindTheMessageRecordedWhenTheIntakeCommitsWhileDispatchWaitsForIt() throws Exception {
        Message message = new Message(Ids.messageId(), "demo", Dialect.V1, "race-" + Ids.eventId(), "ag_live_demo",
                "+4917600000719", new TextContent("Racing", List.of()), null, null, null, null,
                Map.of("v1.traffic_type", "TRANSACTION"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        CountDownLatch intakeInserted = new CountDownLatch(1);
        CountDownLatch intakeMayCommit = new CountDownLatch(1);
        CompletableFuture<Acceptance> intake = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(status -> {
                    Acceptance recorded = store.accept(message);
                    intakeInserted.countDown();
                    await(intakeMayCommit);
                    return recorded;
                }), threads);
        assertThat(intakeInserted.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Acceptance> dispatch = CompletableFuture.supplyAsync(() -> store.ensureRecorded(message),
                threads);
        eventually().until(this::aSessionWaitsToInsertAMessage);
        intakeMayCommit.countDown();

        assertThat(intake.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Acceptance.Outcome.RECORDED);
        assertThat(dispatch.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Acceptance.Outcome.ALREADY_RECORDED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE id = :id").param("id", message.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    /** A statement still running on the message table: dispatch's insert, waiting for the intake's row lock. */
    private boolean aSessionWaitsToInsertAMessage() {
        // the pattern is built in SQL, so this query's own text does not match it
        return jdbc.sql("""
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS
                WHERE EXECUTING_STATEMENT LIKE '%INSERT INTO ' || 'messages%'
                """).query(Long.class).single() > 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the intake commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
