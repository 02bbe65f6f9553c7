package io.switchboard.store;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Durable commits for the embedded H2 database, written to its file in groups: a commit returns once a flush that
 * began after it has written the file ({@code CHECKPOINT}), and one flush covers every commit made before it began.
 *
 * <p>H2 writes a new chunk of its file for each flush, holding every page the flushed commits changed, with the path
 * from each page to its map's root. Flushed one by one ({@code WRITE_DELAY=0}) the database spent about 0.5 ms of CPU
 * per commit on it and bounded the whole hub at about 500 delivered messages a second (BENCHMARKS.md); a group of
 * commits shares the chunk and the paths to the roots. H2's own background writer ({@code WRITE_DELAY} above zero)
 * flushes on a timer only, so it alone would acknowledge commits a crash then loses.
 *
 * <p>The flusher has a connection of its own, outside the pool: the transactions that wait for it still hold theirs.
 */
public final class H2GroupFlush implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(H2GroupFlush.class);
    private static final long IDLE_POLL_MS = 200;

    private final String url;
    private final String username;
    private final String password;
    private final Duration timeout;
    private final BlockingQueue<CompletableFuture<Void>> waiting = new LinkedBlockingQueue<>();
    private final DistributionSummary groupSizes;
    private volatile boolean running;
    private Thread flusher;

    H2GroupFlush(String url, String username, String password, Duration timeout, MeterRegistry meters) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.timeout = timeout;
        this.groupSizes = DistributionSummary.builder("switchboard.store.flush.group.size")
                .description("Commits of the embedded database made durable by one write of its file").register(meters);
    }

    /** Whether the datasource is an H2 database in a file, whose commits this makes durable. */
    static boolean appliesTo(String url) {
        return url != null && url.startsWith("jdbc:h2:file:");
    }

    /**
     * Returns once every commit this thread has made is in the database file.
     *
     * @throws DataAccessResourceFailureException when the flush fails or takes longer than the timeout: the commit
     *                                            may be lost in a crash, so whatever it stands for must not be
     *                                            acknowledged
     */
    public void awaitFlushed() {
        CompletableFuture<Void> flushed = new CompletableFuture<>();
        waiting.add(flushed);
        try {
            flushed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DataAccessResourceFailureException("The database could not write its file", e.getCause());
        } catch (TimeoutException e) {
            throw new DataAccessResourceFailureException("The database did not write its file within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("Interrupted waiting for the database to write its file");
        }
    }

    private void flushWhileRunning() {
        List<CompletableFuture<Void>> group = new ArrayList<>();
        Connection connection = null;
        while (running || !waiting.isEmpty()) {
            try {
                CompletableFuture<Void> first = waiting.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                // every commit waiting now was made before this flush begins
                waiting.drainTo(group);
                if (connection == null) {
                    connection = DriverManager.getConnection(url, username, password);
                }
                try (Statement checkpoint = connection.createStatement()) {
                    checkpoint.execute("CHECKPOINT");
                }
                groupSizes.record(group.size());
                group.forEach(flushed -> flushed.complete(null));
            } catch (SQLException e) {
                LOG.warn("The database could not write its file for {} commits: {}", group.size(), e.toString());
                group.forEach(flushed -> flushed.completeExceptionally(e));
                connection = closed(connection);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                group.clear();
            }
        }
        closed(connection);
    }

    private static Connection closed(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it was failing already
            }
        }
        return null;
    }

    @Override
    public void start() {
        running = true;
        flusher = new Thread(this::flushWhileRunning, "h2-group-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            flusher.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** First to start and last to stop: every other part's commits wait for it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
