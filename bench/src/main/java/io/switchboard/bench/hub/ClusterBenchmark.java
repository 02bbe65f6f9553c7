package io.switchboard.bench.hub;

import io.switchboard.testing.prodstack.ClusterStack;
import io.switchboard.testing.prodstack.HubProcess;
import io.switchboard.testing.prodstack.Postgres;
import io.switchboard.testing.prodstack.ProdStack;
import io.switchboard.testing.prodstack.StandaloneArtemis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hub against two, on one machine in one run (bench/README.md): two packaged hubs over a replicated Artemis pair
 * and one PostgreSQL ({@link ClusterStack}), v1 accept all-out on the first hub's port while the second takes no
 * requests, then with the connections split between both; each time until every message accepted was delivered,
 * with what that cost per message: the CPU of every process, the database's commits and rows, the broker's enqueues.
 * Beside them the HTTP ceiling of one hub. Results and a Markdown table go to {@code target/bench/cluster-<time>/}.
 */
public final class ClusterBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBenchmark.class);

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warm-up-seconds", 30));
    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
    /** All-out accepts outrun delivery: the backlog a warm-up or a window leaves takes a while to deliver. */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);
    /**
     * How long after the hubs fall idle pg_stat_database holds all they did: a backend adds its counts at most once a
     * second while busy, and at the latest 10 s after its last transaction once idle (PostgreSQL's
     * PGSTAT_IDLE_INTERVAL).
     */
    private static final Duration STATISTICS_DELAY = Duration.ofSeconds(11);
    /** The hub's queues a message, its events and its webhooks pass through; not those of what it set aside. */
    private static final List<String> HUB_QUEUES = List.of("switchboard.ingress", "switchboard.outbound",
            "switchboard.failover", "switchboard.webhooks", "switchboard.webhook.deliveries",
            "switchboard.callbacks.unmatched");

    private final Path directory;
    private ClusterStack cluster;
    private AcceptRequests acceptRequests;
    /** Each process's CPU time so far in milliseconds, by the name the results give it. */
    private final Map<String, LongSupplier> cpuClocks = new LinkedHashMap<>();

    private ClusterBenchmark(Path directory) {
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path directory = Path.of("target", "bench", "cluster-" + stamp).toAbsolutePath();
        Files.createDirectories(directory);
        new ClusterBenchmark(directory).run();
    }

    private void run() throws Exception {
        Instant begin = Instant.now();
        cluster = ClusterStack.start(directory.resolve("stack"), 2, Map.of(
                "SWITCHBOARD_RATE_LIMIT_REQUESTS_PER_SECOND", "100000000",
                "SWITCHBOARD_ROUTING_FILE", "file:" + ProdStack.ROUTING.toAbsolutePath()));
        try {
            HubProcess hubA = cluster.hubs().get(0);
            HubProcess hubB = cluster.hubs().get(1);
            acceptRequests = new AcceptRequests(cluster.tenant());
            countCpu(hubA, hubB);
            ClusterResults.Ceiling ceiling = httpCeiling(hubA);
            List<ClusterResults.Phase> phases = List.of(phase("one hub", List.of(hubA)),
                    phase("two hubs", List.of(hubA, hubB)));
            ClusterResults results = new ClusterResults(Instant.now().toString(),
                    Duration.between(begin, Instant.now()).toSeconds(), HubBenchmark.machine(),
                    new Results.Settings(WARM_UP.toSeconds(), WINDOW.toSeconds(), CONNECTIONS), ceiling, phases);
            results.write(directory);
            LOG.info("Benchmark written to {}:\n{}", directory, Files.readString(directory.resolve("results.md")));
        } finally {
            cluster.close();
        }
    }

    /**
     * The JVMs by their own time; the brokers and PostgreSQL with their children, as a broker may run under its
     * start script's shell and PostgreSQL is a process per connection and per background task.
     */
    private void countCpu(HubProcess hubA, HubProcess hubB) {
        long first = hubA.pid();
        long second = hubB.pid();
        long postmaster = cluster.database().pid();
        long primary = cluster.brokers().primary().pid();
        long backup = cluster.brokers().backup().pid();
        long carriers = cluster.carriers().pid();
        long load = ProcessHandle.current().pid();
        cpuClocks.put("hub A", () -> ProcessCpu.ownMillis(first));
        cpuClocks.put("hub B", () -> ProcessCpu.ownMillis(second));
        cpuClocks.put("primary broker", () -> ProcessCpu.treeMillis(primary));
        cpuClocks.put("backup broker", () -> ProcessCpu.treeMillis(backup));
        cpuClocks.put("PostgreSQL", () -> ProcessCpu.treeMillis(postmaster));
        cpuClocks.put("carriers", () -> ProcessCpu.ownMillis(carriers));
        cpuClocks.put("load", () -> ProcessCpu.ownMillis(load));
    }

    /** {@code GET /actuator/health/liveness} all-out on one hub after a warm-up as long as each phase's. */
    private ClusterResults.Ceiling httpCeiling(HubProcess hub) {
        HttpLoad.Requests liveness = serial -> HubBenchmark.LIVENESS;
        LOG.info("HTTP ceiling: warming hub A up for {} s", WARM_UP.toSeconds());
        HttpLoad.allOut("warm-http", hub.port(), CONNECTIONS, WARM_UP, liveness);
        CpuReading before = readCpu();
        HttpLoad.Outcome outcome = HttpLoad.allOut("http-ceiling", hub.port(), CONNECTIONS, WINDOW, liveness);
        long answered = requireSuccesses(outcome);
        LOG.info("HTTP ceiling: {}/s, p99 {} ms", Math.round(outcome.achievedPerSecond()),
                outcome.percentileMillis(99));
        return ClusterResults.Ceiling.of(outcome, readCpu().perMessageSince(before, answered));
    }

    /**
     * v1 accept all-out on the given hubs' ports, the connections split between them, after a warm-up whose messages
     * are all delivered before the window opens, so the window's work is its own.
     */
    private ClusterResults.Phase phase(String name, List<HubProcess> hubsUnderLoad) throws Exception {
        List<Integer> ports = hubsUnderLoad.stream().map(HubProcess::port).toList();
        String label = name.replace(' ', '-');
        LOG.info("{}: warming up for {} s", name, WARM_UP.toSeconds());
        HttpLoad.Outcome warmUp = HttpLoad.allOut("warm-" + label, ports, CONNECTIONS, WARM_UP,
                acceptRequests.of("v1", "warm-" + label));
        awaitDelivered("warm-" + label, warmUp.successes());
        // else the warm-up's last database counts would land in the window's
        Thread.sleep(STATISTICS_DELAY.toMillis());
        DatabaseCounts databaseBefore = readDatabaseCounts();
        long enqueuesBefore = brokerEnqueues();
        CpuReading cpuBefore = readCpu();
        HttpLoad.Outcome window = HttpLoad.allOut(label, ports, CONNECTIONS, WINDOW, acceptRequests.of("v1", label));
        long windowEnd = System.nanoTime();
        long accepted = requireSuccesses(window);
        LOG.info("{}: accepted {}/s, p50 {} ms, p99 {} ms; waiting until all {} are delivered", name,
                Math.round(window.achievedPerSecond()), window.percentileMillis(50), window.percentileMillis(99),
                accepted);
        awaitDelivered(label, accepted);
        CpuReading cpuAfter = readCpu();
        long enqueuesAfter = brokerEnqueues();
        Thread.sleep(STATISTICS_DELAY.toMillis());
        DatabaseCounts databaseAfter = readDatabaseCounts();
        ClusterResults.Phase phase = ClusterResults.Phase.of(name, hubsUnderLoad.size(), window,
                (windowEnd - cpuBefore.nanos()) / 1e9, (cpuAfter.nanos() - windowEnd) / 1e9,
                cpuAfter.perMessageSince(cpuBefore, accepted), databaseAfter.perMessageSince(databaseBefore, accepted),
                (enqueuesAfter - enqueuesBefore) / (double) accepted);
        LOG.info("{}: delivered in {} s after the window, {}/s", name, Math.round(phase.drainSeconds()),
                Math.round(phase.deliveredPerSecond()));
        return phase;
    }

    /** A load of which nothing succeeded measured only the failure, which no figure per message can divide by. */
    private static long requireSuccesses(HttpLoad.Outcome outcome) {
        if (outcome.successes() == 0) {
            throw new IllegalStateException(outcome.name() + ": no request succeeded; statuses " + outcome.statuses());
        }
        return outcome.successes();
    }

    /** Waits until every message accepted under the label is delivered (or read, which comes after). */
    private void awaitDelivered(String label, long accepted) throws SQLException, InterruptedException {
        Instant limit = Instant.now().plus(DRAIN_LIMIT);
        for (Map<String, Long> statuses = messageStatuses(label); delivered(statuses) < accepted;
                statuses = messageStatuses(label)) {
            if (Instant.now().isAfter(limit)) {
                throw new IllegalStateException(label + ": " + accepted + " messages accepted, not delivered in "
                        + DRAIN_LIMIT + "; by status: " + statuses);
            }
            Thread.sleep(500);
        }
    }

    private static long delivered(Map<String, Long> statuses) {
        return statuses.getOrDefault("delivered", 0L) + statuses.getOrDefault("read", 0L);
    }

    private Map<String, Long> messageStatuses(String label) throws SQLException {
        return cluster.query("SELECT status, COUNT(*) FROM messages WHERE tenant_id = ? AND idempotency_key LIKE ? "
                + "GROUP BY status", row -> Map.entry(row.getString(1), row.getLong(2)), cluster.tenant().id(),
                acceptRequests.keyPrefix(label) + "%").stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Messages added to the hub's queues on the broker that serves the hubs, ever since it started. */
    private long brokerEnqueues() {
        StandaloneArtemis broker = cluster.brokers().active();
        return HUB_QUEUES.stream().mapToLong(queue -> ((Number) broker.managementAttribute(
                ResourceNames.QUEUE + queue, "messagesAdded")).longValue()).sum();
    }

    private DatabaseCounts readDatabaseCounts() throws SQLException {
        return cluster.query("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database "
                + "WHERE datname = ?", row -> new DatabaseCounts(row.getLong(1), row.getLong(2), row.getLong(3),
                row.getLong(4)), Postgres.DATABASE).get(0);
    }

    private record DatabaseCounts(long commits, long rowsInserted, long rowsUpdated, long rowsDeleted) {

        ClusterResults.DatabaseWork perMessageSince(DatabaseCounts before, long messages) {
            double per = messages;
            return new ClusterResults.DatabaseWork((commits - before.commits) / per,
                    (rowsInserted - before.rowsInserted) / per, (rowsUpdated - before.rowsUpdated) / per,
                    (rowsDeleted - before.rowsDeleted) / per);
        }
    }

    private CpuReading readCpu() {
        Map<String, Long> millis = new LinkedHashMap<>();
        cpuClocks.forEach((process, clock) -> millis.put(process, clock.getAsLong()));
        return new CpuReading(System.nanoTime(), millis);
    }

    private record CpuReading(long nanos, Map<String, Long> millis) {

        /** Each process's CPU between the two readings, per message and in cores. */
        Map<String, Results.Cpu> perMessageSince(CpuReading before, long messages) {
            double seconds = (nanos - before.nanos) / 1e9;
            Map<String, Results.Cpu> used = new LinkedHashMap<>();
            millis.forEach((process, now) -> {
                long spent = now - before.millis.get(process);
                used.put(process, new Results.Cpu(spent / (double) messages, spent / 1_000.0 / seconds));
            });
            return used;
        }
    }
}
