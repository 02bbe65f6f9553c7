package io.switchboard.bench;

import io.switchboard.model.Ids;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a durable commit costs the embedded database: one accepted message as the store records it (the message row
 * and its {@code queued} event) in one transaction, committed, on an H2 file database with the hub's schema.
 * {@code writeDelay} 0 is the hub's setting (each commit is written to the file before it returns); 500 is H2's
 * default, which batches commits for half a second and loses them in a crash. {@code retentionTime} is how long
 * MVStore keeps the chunks a commit superseded before it reuses their space: 45000 is H2's default. Run with
 * {@code -t 1} and {@code -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreCommitBenchmark {

    private static final String BODY = "x".repeat(1_200);

    @Param({"0", "500"})
    public int writeDelay;

    @Param({"45000", "0"})
    public int retentionTime;

    private Path directory;
    private String url;

    @Setup(Level.Trial)
    public void createDatabase() throws Exception {
        directory = Files.createDirectories(Path.of("target", "bench-data", "store-" + UUID.randomUUID()));
        url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("switchboard") + ";WRITE_DELAY=" + writeDelay
                + ";RETENTION_TIME=" + retentionTime;
        Flyway.configure().dataSource(url, "switchboard", "").locations("classpath:db/migration").load().migrate();
    }

    @TearDown(Level.Trial)
    public void closeDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "switchboard", "")) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    /** One connection per benchmark thread, as each pooled connection of the hub. */
    @State(Scope.Thread)
    public static class Session {

        Connection connection;
        PreparedStatement message;
        PreparedStatement event;

        @Setup(Level.Trial)
        public void open(StoreCommitBenchmark database) throws SQLException {
            connection = DriverManager.getConnection(database.url, "switchboard", "");
            connection.setAutoCommit(false);
            message = connection.prepareStatement("""
                    INSERT INTO messages (id, tenant_id, source_dialect, idempotency_key, request_fingerprint, channel,
                                          sender, recipient, status, status_rank, body, created_at, updated_at)
                    VALUES (?, 'demo', 'v1', ?, 'f', 'RCS', 'ag_live_demo', '+14155550104', 'queued', 0, ?, ?, ?)
                    """);
            event = connection.prepareStatement("""
                    INSERT INTO message_events (event_id, message_id, dedupe_key, type, occurred_at, recorded_at,
                                                channel)
                    VALUES (?, ?, ?, 'message.queued', ?, ?, 'RCS')
                    """);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public void recordAcceptedMessage(Session session) throws SQLException {
        String id = Ids.messageId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        session.message.setString(1, id);
        session.message.setString(2, id);
        session.message.setString(3, BODY);
        session.message.setObject(4, now);
        session.message.setObject(5, now);
        session.message.executeUpdate();
        session.event.setString(1, Ids.eventId());
        session.event.setString(2, id);
        session.event.setString(3, id + ":hub:message.queued");
        session.event.setObject(4, now);
        session.event.setObject(5, now);
        session.event.executeUpdate();
        session.connection.commit();
    }
}
