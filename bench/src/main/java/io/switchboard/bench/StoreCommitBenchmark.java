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
 * What the embedded database's durable commits cost, on an H2 file database with the hub's schema:
 * {@code recordAcceptedMessage} is one accepted message as the intake records it alone (its row and {@code queued}
 * event, one commit); {@code deliverMessage} is everything the store commits for one message delivered on its first
 * leg, as the hub does it: the intake's commit, the leg's claim under the message's row lock, the carrier's answer, the
 * {@code sent} event and the {@code delivered} event with the delivery noted on the leg (five commits).
 * {@code settings} are the H2 URL settings: the hub's, the hub's before 2026-12-07 (superseded chunks kept 45 s,
 * statistics gathered every 2,000 changed rows), and H2's default write delay, which batches commits for 500 ms and
 * loses them in a crash (for comparison only). Run with {@code -t 4}, as the hub's consumers and writers commit in
 * parallel; the file's size at the end is printed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreCommitBenchmark {

    private static final String BODY = "x".repeat(1_200);

    @Param({"WRITE_DELAY=0;RETENTION_TIME=0;ANALYZE_AUTO=0;QUERY_CACHE_SIZE=64",
        "WRITE_DELAY=0;QUERY_CACHE_SIZE=64", "WRITE_DELAY=500;QUERY_CACHE_SIZE=64"})
    public String settings;

    private Path directory;
    private String url;

    @Setup(Level.Trial)
    public void createDatabase() throws Exception {
        directory = Files.createDirectories(Path.of("target", "bench-data", "store-" + UUID.randomUUID()));
        url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("switchboard") + ";" + settings;
        Flyway.configure().dataSource(url, "switchboard", "").locations("classpath:db/migration").load().migrate();
    }

    @TearDown(Level.Trial)
    public void closeDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "switchboard", "")) {
            connection.createStatement().execute("SHUTDOWN");
        }
        System.out.printf("%n%s: file %,d MB%n", settings,
                Files.size(directory.resolve("switchboard.mv.db")) / 1_048_576);
    }

    /** One connection per benchmark thread, as each pooled connection of the hub. */
    @State(Scope.Thread)
    public static class Session {

        Connection connection;
        PreparedStatement message;
        PreparedStatement event;
        PreparedStatement lock;
        PreparedStatement claim;
        PreparedStatement answer;
        PreparedStatement status;
        PreparedStatement delivery;

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
                    VALUES (?, ?, ?, ?, ?, ?, 'RCS')
                    """);
            lock = connection.prepareStatement("SELECT status FROM messages WHERE id = ? FOR UPDATE");
            claim = connection.prepareStatement("""
                    INSERT INTO message_legs (leg_id, message_id, leg_number, channel, carrier_id, status, handed_at,
                                              created_at, updated_at)
                    VALUES (?, ?, 1, 'RCS', 'sandbox-v5', 'DISPATCHING', ?, ?, ?)
                    """);
            answer = connection.prepareStatement("""
                    UPDATE message_legs SET status = 'ACCEPTED', carrier_message_id = ?, updated_at = ? WHERE leg_id = ?
                    """);
            status = connection.prepareStatement("""
                    UPDATE messages SET status = ?, status_rank = ?, updated_at = ? WHERE id = ? AND status_rank < ?
                    """);
            delivery = connection.prepareStatement("""
                    UPDATE message_legs SET delivered_at = ?
                    WHERE carrier_id = 'sandbox-v5' AND carrier_message_id = ? AND delivered_at IS NULL
                    """);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }

        void accept(String id, OffsetDateTime now) throws SQLException {
            message.setString(1, id);
            message.setString(2, id);
            message.setString(3, BODY);
            message.setObject(4, now);
            message.setObject(5, now);
            message.executeUpdate();
            event(id, "message.queued", now);
            connection.commit();
        }

        void event(String id, String type, OffsetDateTime now) throws SQLException {
            event.setString(1, Ids.eventId());
            event.setString(2, id);
            event.setString(3, id + ":hub:" + type);
            event.setString(4, type);
            event.setObject(5, now);
            event.setObject(6, now);
            event.executeUpdate();
        }

        void lock(String id) throws SQLException {
            lock.setString(1, id);
            lock.executeQuery().close();
        }

        void status(String id, String word, int rank, OffsetDateTime now) throws SQLException {
            status.setString(1, word);
            status.setInt(2, rank);
            status.setObject(3, now);
            status.setString(4, id);
            status.setInt(5, rank);
            status.executeUpdate();
        }
    }

    @Benchmark
    public void recordAcceptedMessage(Session session) throws SQLException {
        session.accept(Ids.messageId(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    @Benchmark
    public void deliverMessage(Session session) throws SQLException {
        String id = Ids.messageId();
        String legId = id + "-1";
        String carrierMessageId = "carrier-" + id;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        session.accept(id, now);

        session.lock(id);
        session.claim.setString(1, legId);
        session.claim.setString(2, id);
        session.claim.setObject(3, now);
        session.claim.setObject(4, now);
        session.claim.setObject(5, now);
        session.claim.executeUpdate();
        session.connection.commit();

        session.answer.setString(1, carrierMessageId);
        session.answer.setObject(2, now);
        session.answer.setString(3, legId);
        session.answer.executeUpdate();
        session.connection.commit();

        session.event(id, "message.sent", now);
        session.status(id, "sent", 2, now);
        session.connection.commit();

        session.lock(id);
        session.delivery.setObject(1, now);
        session.delivery.setString(2, carrierMessageId);
        session.delivery.executeUpdate();
        session.event(id, "message.delivered", now);
        session.status(id, "delivered", 3, now);
        session.connection.commit();
    }
}
