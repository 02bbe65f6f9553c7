package io.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recorder of messages' paths on the hub's database: a full queue drops and counts instead of waiting, what was
 * queued is written in batches, and records past their retention are deleted while the newer stay. A recorder of its
 * own, with a queue of two and a writer that only runs when the test says, beside the hub's.
 */
class PathRecorderIntegrationTest extends HubIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Rows rows;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private PathRecorder recorder;

    @AfterEach
    void stopTheRecorder() throws InterruptedException {
        recorder.destroy();
    }

    @Test
    void shouldDropAndCountWhatAFullQueueCannotTakeAndWriteTheRestInABatch() {
        recorder = recorder(2);
        String messageId = "msg_path_full";

        recorder.record(call(messageId, 1, NOW));
        recorder.record(attempt(messageId, 1, NOW));
        recorder.record(call(messageId, 2, NOW));
        recorder.writeWaiting();

        assertThat(meters.get(PathRecorder.DROPPED_METRIC).tag("reason", "queue-full").counter().count())
                .isEqualTo(1);
        assertThat(legNumbers(messageId)).containsExactly(1);
        assertThat(jdbc.sql("SELECT attempt FROM webhook_attempts WHERE message_id = :id").param("id", messageId)
                .query(Integer.class).list()).containsExactly(1);
    }

    @Test
    void shouldDeleteTheRecordsOlderThanTheRetentionAndKeepTheRest() {
        recorder = recorder(100);
        String messageId = "msg_path_old";
        Instant expired = NOW.minus(RETENTION).minus(Duration.ofMinutes(90));
        recorder.record(call(messageId, 1, expired));
        recorder.record(call(messageId, 2, expired.plusSeconds(30)));
        recorder.record(call(messageId, 3, NOW.minus(RETENTION).plusSeconds(1)));
        recorder.record(attempt(messageId, 1, expired));
        recorder.record(attempt(messageId, 2, NOW));
        recorder.writeWaiting();

        recorder.deleteExpired();

        assertThat(legNumbers(messageId)).containsExactly(3);
        assertThat(jdbc.sql("SELECT attempt FROM webhook_attempts WHERE message_id = :id").param("id", messageId)
                .query(Integer.class).list()).containsExactly(2);
    }

    private PathRecorder recorder(int capacity) {
        return new PathRecorder(jdbc, rows, Clock.fixed(NOW, ZoneOffset.UTC),
                new PathProperties(capacity, 500, Duration.ofHours(1), RETENTION, Duration.ofHours(1)), meters);
    }

    private List<Integer> legNumbers(String messageId) {
        return jdbc.sql("SELECT leg_number FROM carrier_calls WHERE message_id = :id ORDER BY leg_number")
                .param("id", messageId).query(Integer.class).list();
    }

    private static CarrierCallRecord call(String messageId, int leg, Instant at) {
        return new CarrierCallRecord(messageId, leg, "sandbox-v5", at, 12, "accepted", 200, null);
    }

    private static WebhookAttemptRecord attempt(String messageId, int attempt, Instant at) {
        return new WebhookAttemptRecord(messageId, "evt_path", "wh_path", attempt, at, 7, "failed", 503,
                "Service Unavailable");
    }
}
