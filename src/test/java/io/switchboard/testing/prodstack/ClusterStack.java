package io.switchboard.testing.prodstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several hubs over one replicated broker pair and one PostgreSQL, on loopback, as docs/scale-out.md deploys them:
 * a {@link ReplicatedArtemis} pair, PostgreSQL 16, the sandbox carriers, a {@link LoopbackBalancer} in front, and the
 * packaged hub in the {@code prod} profile on ports of their own, each with its own data directory, all given the same
 * environment but for the port: the pair's URL with its failover settings, the database, and the balancer as their
 * public base URL, so carriers' callbacks reach whichever hub is up.
 */
public final class ClusterStack implements Deployment {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStack.class);

    private final ReplicatedArtemis brokers;
    private final Postgres database;
    private final SandboxCarriersProcess carriers;
    private final LoopbackBalancer balancer;
    private final List<HubProcess> hubs;
    private final ProdStack.Tenant tenant;
    private final String operatorPassword;

    private ClusterStack(ReplicatedArtemis brokers, Postgres database, SandboxCarriersProcess carriers,
            LoopbackBalancer balancer, List<HubProcess> hubs, ProdStack.Tenant tenant, String operatorPassword) {
        this.brokers = brokers;
        this.database = database;
        this.carriers = carriers;
        this.balancer = balancer;
        this.hubs = List.copyOf(hubs);
        this.tenant = tenant;
        this.operatorPassword = operatorPassword;
    }

    /**
     * Starts the broker pair, the database and the carriers side by side, then the balancer and {@code hubCount} hubs,
     * also side by side.
     *
     * @param hubEnvironment variables that replace or add to every hub's (a routing file, a reload period, …)
     */
    public static ClusterStack start(Path directory, int hubCount, Map<String, String> hubEnvironment) {
        Path root = directory.toAbsolutePath();
        Instant begin = Instant.now();
        ProdStack.Tenant tenant = ProdStack.newTenant();
        String operatorPassword = ProdStack.secret();
        Map<String, String> carrierSecrets = ProdStack.carrierSecrets();
        List<AutoCloseable> started = new ArrayList<>();
        List<HubProcess> hubs = new ArrayList<>();
        ExecutorService side = Executors.newFixedThreadPool(Math.max(3, hubCount));
        try {
            List<Integer> hubPorts = IntStream.range(0, hubCount).map(hub -> FreePorts.next()).boxed().toList();
            LoopbackBalancer balancer = LoopbackBalancer.start(FreePorts.next(), hubPorts.stream()
                    .map(HubProcess::baseUrl).toList());
            started.add(balancer);
            CompletableFuture<ProdStack.Timed<ReplicatedArtemis>> brokers = ProdStack.timed(
                    () -> ReplicatedArtemis.start(root), side);
            CompletableFuture<ProdStack.Timed<Postgres>> database = ProdStack.timed(() -> Postgres.start(root), side);
            CompletableFuture<ProdStack.Timed<SandboxCarriersProcess>> carriers = ProdStack.timed(
                    () -> SandboxCarriersProcess.start(root, balancer.baseUrl(), carrierSecrets), side);
            ProdStack.awaitEvery(List.of(brokers, database, carriers), started);
            ReplicatedArtemis pair = ProdStack.join(brokers).part();
            Map<String, String> environment = ProdStack.hubEnvironment(ProdStack.join(carriers).part(),
                    balancer.baseUrl(), tenant, operatorPassword, carrierSecrets);
            environment.putAll(ProdStack.storeEnvironment(pair.url(), pair.user(), pair.password(),
                    ProdStack.join(database).part()));
            environment.putAll(hubEnvironment);
            for (int port : hubPorts) {
                hubs.add(HubProcess.prepare(root.resolve("hub-" + port), port, environment, List.of()));
            }
            CompletableFuture.allOf(hubs.stream().map(hub -> CompletableFuture.runAsync(hub::start, side))
                    .toArray(CompletableFuture[]::new)).join();
            LOG.info("Cluster stack up in {} ms: broker pair {} ms, then {} hubs (slowest {} ms)",
                    Duration.between(begin, Instant.now()).toMillis(), ProdStack.join(brokers).took().toMillis(),
                    hubCount, hubs.stream().mapToLong(hub -> hub.lastStartup().toMillis()).max().orElse(0));
            return new ClusterStack(pair, ProdStack.join(database).part(), ProdStack.join(carriers).part(), balancer,
                    hubs, tenant, operatorPassword);
        } catch (RuntimeException e) {
            hubs.forEach(HubProcess::kill);
            started.forEach(ProdStack::closeQuietly);
            throw e;
        } finally {
            side.shutdown();
        }
    }

    /** The broker pair. */
    public ReplicatedArtemis brokers() {
        return brokers;
    }

    public Postgres database() {
        return database;
    }

    /** Where clients and carriers reach the hubs: every hub's public base URL. */
    public LoopbackBalancer balancer() {
        return balancer;
    }

    @Override
    public List<HubProcess> hubs() {
        return hubs;
    }

    @Override
    public SandboxCarriersProcess carriers() {
        return carriers;
    }

    @Override
    public ProdStack.Tenant tenant() {
        return tenant;
    }

    /** The operator's password ({@code SWITCHBOARD_ADMIN_PASSWORD}; the user is {@code admin}). */
    public String operatorPassword() {
        return operatorPassword;
    }

    @Override
    public String operatorAuthorization() {
        return ProdStack.basic("admin:" + operatorPassword);
    }

    @Override
    public Connection connectToDatabase() throws SQLException {
        return database.connect();
    }

    /** Stops the hubs first, so nothing they still do meets a broker or database that is gone. */
    @Override
    public void close() {
        hubs.forEach(ProdStack::closeQuietly);
        ProdStack.closeQuietly(balancer);
        ProdStack.closeQuietly(carriers);
        ProdStack.closeQuietly(brokers);
        ProdStack.closeQuietly(database);
    }
}
