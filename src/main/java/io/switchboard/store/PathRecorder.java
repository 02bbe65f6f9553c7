package io.switchboard.store;

import static io.switchboard.store.Rows.utc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.model.Reasons;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Records the carrier calls and webhook attempts of each message's path off the hot path: a call or a post only puts
 * its record on a bounded queue, and a background writer inserts what has queued up in batches (one batched statement
 * per table). It is an operator's record, not a promise: a full queue drops the record and counts it, as does a batch
 * the database refused ({@value #DROPPED_METRIC}, tagged with the reason), rather than slow a send down. Records older
 * than {@code switchboard.path.retention} are deleted on a schedule, a minute of them per statement.
 */
@Component
public class PathRecorder implements PathRecords, DisposableBean {

    static final String DROPPED_METRIC = "switchboard.path.records.dropped";
    private static final Logger LOG = LoggerFactory.getLogger(PathRecorder.class);
    /** What one cleanup statement deletes at most: records of a minute, so no statement holds a huge transaction. */
    private static final Duration CLEANUP_STEP = Duration.ofMinutes(1);
    private static final long STOP_WAIT_SECONDS = 10;

    private final JdbcClient jdbc;
    private final Rows rows;
    private final Clock clock;
    private final PathProperties properties;
    private final BlockingQueue<Record> waiting;
    private final Counter droppedFull;
    private final Counter droppedUnwritten;
    private final ScheduledExecutorService writer = Executors.newScheduledThreadPool(2, writerThreads());

    public PathRecorder(JdbcClient jdbc, Rows rows, Clock clock, PathProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.clock = clock;
        this.properties = properties;
        this.waiting = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.droppedFull = dropped(meters, "queue-full");
        this.droppedUnwritten = dropped(meters, "write-failed");
        Gauge.builder("switchboard.path.records.waiting", waiting, BlockingQueue::size)
                .description("Carrier calls and webhook attempts waiting to be recorded").register(meters);
        long writeEvery = properties.writeEvery().toMillis();
        writer.scheduleWithFixedDelay(this::writeWaiting, writeEvery, writeEvery, TimeUnit.MILLISECONDS);
        long cleanupEvery = properties.cleanupEvery().toMillis();
        writer.scheduleWithFixedDelay(this::deleteExpired, cleanupEvery, cleanupEvery, TimeUnit.MILLISECONDS);
    }

    private static Counter dropped(MeterRegistry meters, String reason) {
        return Counter.builder(DROPPED_METRIC).tag("reason", reason)
                .description("Carrier calls and webhook attempts left out of the messages' paths").register(meters);
    }

    private static CustomizableThreadFactory writerThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("path-recorder-");
        threads.setDaemon(true);
        return threads;
    }

    /** Queues the record for the writer, or drops it when the queue is full; never waits. */
    @Override
    public void record(Record record) {
        if (!waiting.offer(record)) {
            droppedFull.increment();
        }
    }

    /** Writes everything queued so far, a batch at a time. */
    void writeWaiting() {
        List<Record> batch = new ArrayList<>(properties.batchSize());
        while (waiting.drainTo(batch, properties.batchSize()) > 0) {
            try {
                write(batch);
            } catch (DataAccessException | IllegalStateException e) {
                droppedUnwritten.increment(batch.size());
                LOG.warn("Dropped {} records of messages' paths the database did not take: {}", batch.size(),
                        e.getMessage());
            }
            batch.clear();
        }
    }

    private void write(List<Record> batch) {
        List<CarrierCallRecord> calls = new ArrayList<>();
        List<WebhookAttemptRecord> attempts = new ArrayList<>();
        for (Record record : batch) {
            if (record instanceof CarrierCallRecord call) {
                calls.add(call);
            } else if (record instanceof WebhookAttemptRecord attempt) {
                attempts.add(attempt);
            }
        }
        if (!calls.isEmpty()) {
            rows.insertAll("""
                    INSERT INTO carrier_calls (message_id, leg_number, carrier_id, called_at, duration_ms, outcome,
                                               http_status, cause)
                    VALUES (:message, :leg, :carrier, :at, :duration, :outcome, :status, :cause)
                    """, calls, PathRecorder::row);
        }
        if (!attempts.isEmpty()) {
            rows.insertAll("""
                    INSERT INTO webhook_attempts (message_id, event_id, target, attempt, attempted_at, duration_ms,
                                                  outcome, http_status, cause)
                    VALUES (:message, :event, :target, :attempt, :at, :duration, :outcome, :status, :cause)
                    """, attempts, PathRecorder::row);
        }
    }

    private static SqlParameterSource row(CarrierCallRecord call) {
        return new MapSqlParameterSource()
                .addValue("message", call.messageId())
                .addValue("leg", call.legNumber())
                .addValue("carrier", call.carrierId())
                .addValue("at", utc(call.at()))
                .addValue("duration", call.durationMs())
                .addValue("outcome", call.outcome())
                .addValue("status", call.httpStatus())
                .addValue("cause", Reasons.bounded(call.cause()));
    }

    private static SqlParameterSource row(WebhookAttemptRecord attempt) {
        return new MapSqlParameterSource()
                .addValue("message", attempt.messageId())
                .addValue("event", attempt.eventId())
                .addValue("target", attempt.target())
                .addValue("attempt", attempt.attempt())
                .addValue("at", utc(attempt.at()))
                .addValue("duration", attempt.durationMs())
                .addValue("outcome", attempt.outcome())
                .addValue("status", attempt.httpStatus())
                .addValue("cause", Reasons.bounded(attempt.cause()));
    }

    /** Deletes the records older than the retention; the scheduled cleanup. */
    void deleteExpired() {
        Instant cutoff = clock.instant().minus(properties.retention());
        try {
            deleteBefore("carrier_calls", "called_at", cutoff);
            deleteBefore("webhook_attempts", "attempted_at", cutoff);
        } catch (DataAccessException e) {
            LOG.warn("Could not delete the records of messages' paths older than {}: {}", properties.retention(),
                    e.getMessage());
        }
    }

    /** Oldest first, a minute of records per statement, until none older than {@code cutoff} is left. */
    private void deleteBefore(String table, String timeColumn, Instant cutoff) {
        while (true) {
            OffsetDateTime oldest = jdbc.sql("SELECT MIN(" + timeColumn + ") FROM " + table)
                    .query((rs, row) -> rs.getObject(1, OffsetDateTime.class)).list().stream()
                    .filter(Objects::nonNull).findFirst().orElse(null);
            if (oldest == null || !oldest.toInstant().isBefore(cutoff)) {
                return;
            }
            Instant upTo = oldest.toInstant().plus(CLEANUP_STEP);
            jdbc.sql("DELETE FROM " + table + " WHERE " + timeColumn + " < :upTo")
                    .param("upTo", utc(upTo.isBefore(cutoff) ? upTo : cutoff))
                    .update();
        }
    }

    /** Stops the writer and writes what is still queued, before the database closes. */
    @Override
    public void destroy() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            writer.shutdownNow();
        }
        writeWaiting();
    }
}
