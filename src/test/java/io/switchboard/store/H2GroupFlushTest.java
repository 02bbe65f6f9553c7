package io.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash would leave of the database, read from a copy of its file taken while it is open: a commit is in the
 * file once the group flush says so, and not before (H2's own writer is held back a minute here).
 */
class H2GroupFlushTest {

    @TempDir
    private Path directory;

    private String url;
    private H2GroupFlush flush;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath() + ";WRITE_DELAY=60000";
        connection = DriverManager.getConnection(url, "sa", "");
        connection.createStatement().execute("CREATE TABLE notes (id INT PRIMARY KEY)");
        flush = new H2GroupFlush(url, "sa", "", Duration.ofSeconds(10), new SimpleMeterRegistry());
        flush.start();
        flush.awaitFlushed();
    }

    @AfterEach
    void close() throws SQLException {
        flush.stop();
        connection.close();
    }

    @Test
    void shouldHaveACommitInTheFileOnceFlushedAndNotBefore() throws Exception {
        connection.createStatement().execute("INSERT INTO notes VALUES (1)");

        assertThat(notesInACopyOfTheFile()).as("committed, not yet written").isEmpty();

        flush.awaitFlushed();
        assertThat(notesInACopyOfTheFile()).containsExactly(1);
    }

    @Test
    void shouldWriteTheCommitsOfEveryWaitingThread() throws Exception {
        List<Thread> committers = new ArrayList<>();
        for (int id = 1; id <= 8; id++) {
            int note = id;
            Thread committer = new Thread(() -> {
                try (Connection own = DriverManager.getConnection(url, "sa", "")) {
                    own.createStatement().execute("INSERT INTO notes VALUES (" + note + ")");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                flush.awaitFlushed();
            });
            committer.start();
            committers.add(committer);
        }
        for (Thread committer : committers) {
            committer.join();
        }

        assertThat(notesInACopyOfTheFile()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    private List<Integer> notesInACopyOfTheFile() throws Exception {
        Path copy = Files.createTempDirectory(directory, "crashed");
        Files.copy(directory.resolve("db.mv.db"), copy.resolve("db.mv.db"));
        List<Integer> notes = new ArrayList<>();
        try (Connection recovered = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("db").toAbsolutePath(),
                "sa", ""); ResultSet rows = recovered.createStatement().executeQuery("SELECT id FROM notes")) {
            while (rows.next()) {
                notes.add(rows.getInt(1));
            }
        }
        return notes;
    }
}
