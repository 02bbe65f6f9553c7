package io.switchboard.testing.prodstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production stack on loopback, each part a process of its own under one directory: a standalone Artemis
 * configured by docker/broker.xml, PostgreSQL 16, the sandbox carriers in their carrier-only mode, and the packaged
 * hub in the {@code prod} profile against them, every secret from the environment as a deployment gives it (fresh
 * random values per stack). With {@link Stores#EMBEDDED} the hub keeps the {@code prod} profile's own defaults
 * instead: its embedded broker and H2 under its data directory, no broker or database process. Its routing
 * ({@code src/test/resources/prod-stack/routing.yaml}) gives each carrier a number prefix, as config/routing.yaml
 * does for the sandbox.
 */
public final class ProdStack implements Deployment {

    private static final Logger LOG = LoggerFactory.getLogger(ProdStack.class);
    public static final Path ROUTING = Path.of("src", "test", "resources", "prod-stack", "routing.yaml");
    /** The Channels workspace and MMS channel config/application.yaml gives the sandbox. */
    private static final String CHANNELS_WORKSPACE = "2b5e7f0a-9c1d-4e3f-8a6b-5c4d3e2f1a0b";
    private static final String CHANNELS_MMS_CHANNEL = "6f8d2c1e-5b7a-4c3d-9e2f-1a0b3c4d5e6f";

    private final Path root;
    private final StandaloneArtemis broker;
    private final Postgres database;
    private final SandboxCarriersProcess carriers;
    private final HubProcess hub;
    private final Tenant tenant;
    private final String operatorPassword;

    private ProdStack(Path root, StandaloneArtemis broker, Postgres database, SandboxCarriersProcess carriers,
            HubProcess hub, Tenant tenant, String operatorPassword) {
        this.root = root;
        this.broker = broker;
        this.database = database;
        this.carriers = carriers;
        this.hub = hub;
        this.tenant = tenant;
        this.operatorPassword = operatorPassword;
    }

    /** The client credentials of the stack's one tenant, as {@code SWITCHBOARD_TENANT_*} gave them to the hub. */
    public record Tenant(String id, String v1ApiKey, String pinnacleApiKey, String v5Username, String v5Password) {

        public String v1Authorization() {
            return "Bearer " + v1ApiKey;
        }

        public String v5Authorization() {
            return basic(v5Username + ":" + v5Password);
        }
    }

    /** Where the hub keeps its state. */
    public enum Stores {
        /** A standalone Artemis and PostgreSQL, each a process of its own. */
        STANDALONE,
        /** The hub's embedded Artemis and H2 file database, as the prod profile has them without a URL for either. */
        EMBEDDED
    }

    public static ProdStack start(Path directory) {
        return start(directory, Stores.STANDALONE, Map.of(), Map.of());
    }

    /**
     * Starts the broker, the database and the carriers side by side, then the hub against them.
     *
     * @param hubEnvironment      variables that replace or add to the hub's (a suite's own routing file, breaker
     *                            settings, …)
     * @param carriersEnvironment variables for the carriers process ({@code SWITCHBOARD_SANDBOX_CALLBACK_DELAY}, …)
     */
    public static ProdStack start(Path directory, Stores stores, Map<String, String> hubEnvironment,
            Map<String, String> carriersEnvironment) {
        Path root = directory.toAbsolutePath();
        Instant begin = Instant.now();
        Tenant tenant = newTenant();
        String operatorPassword = secret();
        Map<String, String> carrierSecrets = carrierSecrets();
        HubProcess hub = null;
        List<AutoCloseable> started = new ArrayList<>();
        ExecutorService side = Executors.newFixedThreadPool(3);
        try {
            int hubPort = FreePorts.next();
            String hubBaseUrl = HubProcess.baseUrl(hubPort);
            Map<String, String> carriersVariables = new HashMap<>(carrierSecrets);
            carriersVariables.putAll(carriersEnvironment);
            boolean standalone = stores == Stores.STANDALONE;
            CompletableFuture<Timed<StandaloneArtemis>> broker = standalone
                    ? timed(() -> StandaloneArtemis.start(root), side) : CompletableFuture.completedFuture(null);
            CompletableFuture<Timed<Postgres>> database = standalone
                    ? timed(() -> Postgres.start(root), side) : CompletableFuture.completedFuture(null);
            CompletableFuture<Timed<SandboxCarriersProcess>> carriers = timed(
                    () -> SandboxCarriersProcess.start(root, hubBaseUrl, carriersVariables), side);
            awaitEvery(List.of(broker, database, carriers), started);
            Map<String, String> environment = hubEnvironment(join(carriers).part(), hubBaseUrl, tenant,
                    operatorPassword, carrierSecrets);
            if (standalone) {
                StandaloneArtemis standaloneBroker = join(broker).part();
                environment.putAll(storeEnvironment(standaloneBroker.url(), standaloneBroker.user(),
                        standaloneBroker.password(), join(database).part()));
            }
            environment.putAll(hubEnvironment);
            hub = HubProcess.prepare(root, hubPort, environment, List.of());
            hub.start();
            LOG.info("Production stack ({} stores) up in {} ms: the carriers {} ms, then the hub {} ms", stores,
                    Duration.between(begin, Instant.now()).toMillis(), join(carriers).took().toMillis(),
                    hub.lastStartup().toMillis());
            return new ProdStack(root, standalone ? join(broker).part() : null,
                    standalone ? join(database).part() : null, join(carriers).part(), hub, tenant, operatorPassword);
        } catch (RuntimeException e) {
            if (hub != null) {
                hub.kill();
            }
            started.forEach(ProdStack::closeQuietly);
            throw e;
        } finally {
            side.shutdown();
        }
    }

    /** The stack's one tenant, with fresh credentials. */
    static Tenant newTenant() {
        return new Tenant("acme", "sk_live_" + secret(), "pk_live_" + secret(), "acme", secret());
    }

    /** Fresh credentials of the sandbox carriers, which the hub is given as its carrier credentials. */
    static Map<String, String> carrierSecrets() {
        return new HashMap<>(Map.of(
                "SWITCHBOARD_SANDBOX_V5_USERNAME", "switchboard",
                "SWITCHBOARD_SANDBOX_V5_PASSWORD", secret(),
                "SWITCHBOARD_SANDBOX_PINNACLE_API_KEY", secret(),
                "SWITCHBOARD_SANDBOX_PINNACLE_SIGNING_SECRET", secret(),
                "SWITCHBOARD_SANDBOX_V1_API_KEY", "sk_" + secret(),
                "SWITCHBOARD_SANDBOX_V1_SIGNING_SECRET", secret(),
                "SWITCHBOARD_SANDBOX_CHANNELS_ACCESS_KEY", secret(),
                "SWITCHBOARD_SANDBOX_CHANNELS_SIGNING_KEY", secret()));
    }

    record Timed<T>(T part, Duration took) {
    }

    /**
     * Waits until every part has started or failed, and adds those that started to {@code started}, so that a failure
     * leaves none running: the caller closes them. A part not asked for completes with null.
     */
    static void awaitEvery(List<CompletableFuture<? extends Timed<? extends AutoCloseable>>> parts,
            List<AutoCloseable> started) {
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        parts.stream().filter(part -> !part.isCompletedExceptionally() && part.join() != null)
                .forEach(part -> started.add(part.join().part()));
    }

    static <T> CompletableFuture<Timed<T>> timed(Supplier<T> start, ExecutorService executor) {
        return CompletableFuture.supplyAsync(() -> {
            Instant begin = Instant.now();
            T part = start.get();
            return new Timed<>(part, Duration.between(begin, Instant.now()));
        }, executor);
    }

    /** How the hub reaches a standalone broker (or pair) and database, as docker/compose.yaml tells it. */
    static Map<String, String> storeEnvironment(String brokerUrl, String brokerUser, String brokerPassword,
            Postgres database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_ARTEMIS_MODE", "native");
        // native mode alone still starts the embedded broker next to the standalone one (STACK.md §9)
        environment.put("SPRING_ARTEMIS_EMBEDDED_ENABLED", "false");
        environment.put("SPRING_ARTEMIS_BROKER_URL", brokerUrl);
        environment.put("SPRING_ARTEMIS_USER", brokerUser);
        environment.put("SPRING_ARTEMIS_PASSWORD", brokerPassword);
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", database.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
        return environment;
    }

    /** What the hub is given, as docker/compose.yaml gives it, plus the switches a loopback stack needs. */
    static Map<String, String> hubEnvironment(SandboxCarriersProcess carriers, String hubBaseUrl,
            Tenant tenant, String operatorPassword, Map<String, String> carrierSecrets) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "prod");
        environment.put("SWITCHBOARD_PUBLIC_BASE_URL", hubBaseUrl);
        environment.put("SWITCHBOARD_ADMIN_PASSWORD", operatorPassword);
        environment.put("SWITCHBOARD_CALLBACK_TOKEN_SECRET", secret() + secret());
        environment.put("SWITCHBOARD_TENANT_ID", tenant.id());
        environment.put("SWITCHBOARD_TENANT_V1_API_KEY", tenant.v1ApiKey());
        environment.put("SWITCHBOARD_TENANT_PINNACLE_API_KEY", tenant.pinnacleApiKey());
        environment.put("SWITCHBOARD_TENANT_V5_USERNAME", tenant.v5Username());
        environment.put("SWITCHBOARD_TENANT_V5_PASSWORD", tenant.v5Password());
        environment.put("SWITCHBOARD_V5_BASE_URL", carriers.carrierBaseUrl("v5"));
        environment.put("SWITCHBOARD_V5_USERNAME", carrierSecrets.get("SWITCHBOARD_SANDBOX_V5_USERNAME"));
        environment.put("SWITCHBOARD_V5_PASSWORD", carrierSecrets.get("SWITCHBOARD_SANDBOX_V5_PASSWORD"));
        environment.put("SWITCHBOARD_PINNACLE_ENABLED", "true");
        environment.put("SWITCHBOARD_PINNACLE_BASE_URL", carriers.carrierBaseUrl("pinnacle"));
        environment.put("SWITCHBOARD_PINNACLE_API_KEY", carrierSecrets.get("SWITCHBOARD_SANDBOX_PINNACLE_API_KEY"));
        environment.put("SWITCHBOARD_PINNACLE_SIGNING_SECRET",
                carrierSecrets.get("SWITCHBOARD_SANDBOX_PINNACLE_SIGNING_SECRET"));
        environment.put("SWITCHBOARD_PINNACLE_AGENT_ID", "agent_switchboard_sandbox");
        environment.put("SWITCHBOARD_PINNACLE_SMS_SENDER", "+14155550100");
        environment.put("SWITCHBOARD_V1_ENABLED", "true");
        environment.put("SWITCHBOARD_V1_BASE_URL", carriers.carrierBaseUrl("v1"));
        environment.put("SWITCHBOARD_V1_API_KEY", carrierSecrets.get("SWITCHBOARD_SANDBOX_V1_API_KEY"));
        environment.put("SWITCHBOARD_V1_SIGNING_SECRET", carrierSecrets.get("SWITCHBOARD_SANDBOX_V1_SIGNING_SECRET"));
        environment.put("SWITCHBOARD_V1_SMS_CHANNEL_ID", "ch_sms_sandbox");
        environment.put("SWITCHBOARD_CHANNELS_ENABLED", "true");
        environment.put("SWITCHBOARD_CHANNELS_BASE_URL", carriers.carrierBaseUrl("channels"));
        environment.put("SWITCHBOARD_CHANNELS_ACCESS_KEY",
                carrierSecrets.get("SWITCHBOARD_SANDBOX_CHANNELS_ACCESS_KEY"));
        environment.put("SWITCHBOARD_CHANNELS_SIGNING_KEY",
                carrierSecrets.get("SWITCHBOARD_SANDBOX_CHANNELS_SIGNING_KEY"));
        environment.put("SWITCHBOARD_CHANNELS_WORKSPACE_ID", CHANNELS_WORKSPACE);
        environment.put("SWITCHBOARD_CHANNELS_CHANNEL_ID", CHANNELS_MMS_CHANNEL);
        environment.put("SWITCHBOARD_ROUTING_FILE", "file:" + ROUTING.toAbsolutePath());
        // the carriers and the tests' webhook receiver live on loopback, which prod refuses otherwise
        environment.put("SWITCHBOARD_SECURITY_ALLOW_LOOPBACK_TARGETS", "true");
        return environment;
    }

    /** The standalone broker; null with {@link Stores#EMBEDDED}. */
    public StandaloneArtemis broker() {
        return broker;
    }

    /** The PostgreSQL server; null with {@link Stores#EMBEDDED}. */
    public Postgres database() {
        return database;
    }

    /**
     * A connection to the hub's database: PostgreSQL at any time; the embedded H2 file only while the hub is stopped,
     * as H2 locks its file to one process.
     */
    @Override
    public Connection connectToDatabase() throws SQLException {
        if (database != null) {
            return database.connect();
        }
        return DriverManager.getConnection("jdbc:h2:file:" + root.resolve("data").resolve("db").resolve("switchboard")
                + ";IFEXISTS=TRUE", "switchboard", "");
    }

    @Override
    public SandboxCarriersProcess carriers() {
        return carriers;
    }

    public HubProcess hub() {
        return hub;
    }

    @Override
    public List<HubProcess> hubs() {
        return List.of(hub);
    }

    @Override
    public Tenant tenant() {
        return tenant;
    }

    /** The operator's password ({@code SWITCHBOARD_ADMIN_PASSWORD}; the user is {@code admin}). */
    public String operatorPassword() {
        return operatorPassword;
    }

    @Override
    public String operatorAuthorization() {
        return basic("admin:" + operatorPassword);
    }

    /** Stops the hub first, so nothing it still does meets a broker or database that is gone. */
    @Override
    public void close() {
        closeQuietly(hub);
        closeQuietly(carriers);
        closeQuietly(broker);
        closeQuietly(database);
    }

    static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.warn("Could not stop {}: {}", part, e.toString());
        }
    }

    static <T> T join(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    static String secret() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    }
}
