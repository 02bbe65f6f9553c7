package io.switchboard.testing.prodstack;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A standalone Artemis broker from the distribution Maven unpacks into {@code target/artemis}, configured by
 * {@code docker/broker.xml}, in a process of its own: an instance made with {@code artemis create} in its own
 * directory (configuration in {@code etc/}, journal in {@code data/}, output in {@code artemis.log}), listening on a
 * loopback port chosen once, so a restart is the same broker on the same data at the same address. One of a
 * replicated pair ({@link ReplicatedArtemis}) also gets its role's {@code docker/broker-*.properties}.
 */
public final class StandaloneArtemis implements AutoCloseable {

    /** Set by the build (failsafe): the distribution the {@code prod-stack} Maven profile unpacked. */
    public static final String HOME_PROPERTY = "switchboard.artemis.home";
    public static final String USER = "switchboard";
    /** docker/broker.xml grants its permissions to this role. */
    private static final String ROLE = "amq";
    private static final int DEFAULT_MAX_DISK_USAGE = 90;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** What the broker is on its own or in a replicated pair, and the broker properties that make it so. */
    public enum Role {
        SINGLE(null),
        PRIMARY(Path.of("docker", "broker-primary.properties")),
        BACKUP(Path.of("docker", "broker-backup.properties"));

        private final Path properties;

        Role(Path properties) {
            this.properties = properties;
        }
    }

    private final Path instance;
    private final int port;
    private final String password;
    private final Role role;
    /** The other broker of a replicated pair; 0 for a single broker. */
    private final int peerPort;
    private volatile int maxDiskUsage = DEFAULT_MAX_DISK_USAGE;
    private volatile ManagedProcess process;
    private volatile Duration lastStartup;

    private StandaloneArtemis(Path instance, int port, String password, Role role, int peerPort) {
        this.instance = instance;
        this.port = port;
        this.password = password;
        this.role = role;
        this.peerPort = peerPort;
    }

    /** Creates the broker instance under {@code directory} (which must not hold one yet), not started. */
    public static StandaloneArtemis create(Path directory) {
        return create(directory, "artemis", UUID.randomUUID().toString(), Role.SINGLE, FreePorts.next(), 0);
    }

    /**
     * Creates one broker of a replicated pair in {@code directory/name}, not started.
     *
     * @param password the login both brokers share, which replication uses too
     * @param port     this broker's port
     * @param peerPort the other broker's
     */
    static StandaloneArtemis create(Path directory, String name, String password, Role role, int port,
            int peerPort) {
        Path home = distribution();
        Path instance = directory.toAbsolutePath().resolve(name);
        run(List.of("sh", home.resolve("bin/artemis").toString(), "create", instance.toString(),
                "--user", USER, "--password", password, "--role", ROLE, "--require-login",
                "--host", "127.0.0.1", "--no-web", "--no-autotune", "--silent"),
                directory.resolve("artemis-create.log"));
        try {
            Files.copy(Path.of("docker", "broker.xml"), instance.resolve("etc/broker.xml"),
                    StandardCopyOption.REPLACE_EXISTING);
            if (role.properties != null) {
                // etc/broker.properties is where `artemis run` looks for properties to apply over broker.xml
                Files.copy(role.properties, instance.resolve("etc/broker.properties"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StandaloneArtemis(instance, port, password, role, peerPort);
    }

    /** Creates the instance and starts it. */
    public static StandaloneArtemis start(Path directory) {
        StandaloneArtemis broker = create(directory);
        broker.start();
        return broker;
    }

    /** The distribution the build names, else the one the prod-stack profile unpacked into target/artemis. */
    private static Path distribution() {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home = configured != null ? Path.of(configured) : unpacked();
        if (home == null || !Files.isRegularFile(home.resolve("bin/artemis"))) {
            throw new IllegalStateException("No Artemis distribution at " + home + ". Run the production-stack "
                    + "tests through Maven (./mvnw -B verify, or -Dit.test=…ProdStackIT verify): the prod-stack "
                    + "profile unpacks Artemis into target/artemis before them.");
        }
        return home.toAbsolutePath();
    }

    private static Path unpacked() {
        try (Stream<Path> unpacked = Files.list(Path.of("target", "artemis"))) {
            return unpacked.filter(path -> path.getFileName().toString().startsWith("apache-artemis-"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void run(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log + ":\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The {@code max-disk-usage} of the next start, in percent of the data disk: beyond it the broker blocks
     * producers (Artemis checks every few seconds). A value below the disk's current use makes the disk "full".
     */
    public StandaloneArtemis maxDiskUsage(int percent) {
        this.maxDiskUsage = percent;
        return this;
    }

    /**
     * Starts the broker (again, after {@link #stop} or {@link #kill}) and waits until it accepts a login, or, as a
     * passive backup, which takes no logins, until it holds a synchronized copy of its primary's journal.
     */
    public synchronized void start() {
        Instant begin = Instant.now();
        launch();
        process.awaitReady(START_TIMEOUT, role == Role.BACKUP ? this::isSynchronizedBackup : this::acceptsLogin);
        lastStartup = Duration.between(begin, Instant.now());
    }

    /** Starts the broker's process without waiting for it. */
    synchronized void launch() {
        String properties = "-Dswitchboard.broker.host=127.0.0.1 -Dswitchboard.broker.port=" + port
                + " -Dswitchboard.broker.max-disk-usage=" + maxDiskUsage;
        if (role != Role.SINGLE) {
            properties += " -Dswitchboard.broker.advertised-host=127.0.0.1 -Dswitchboard.broker.peer-host=127.0.0.1"
                    + " -Dswitchboard.broker.peer-port=" + peerPort;
        }
        // the broker properties read the login replication uses from the environment, as in the container image
        process = new ManagedProcess("Artemis " + instance, List.of("sh", instance.resolve("bin/artemis").toString(),
                "run"), Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_ARGS_APPEND", properties,
                "ARTEMIS_USER", USER, "ARTEMIS_PASSWORD", password),
                instance, instance.resolve("artemis.log"));
        process.start();
    }

    /** A backup's log says so (AMQ221024) once it has copied its primary's journal and follows its writes. */
    boolean isSynchronizedBackup() {
        return logContains("AMQ221024");
    }

    /** The broker took over as the active one (AMQ221007), as a backup does when its primary fails. */
    boolean isActive() {
        return logContains("AMQ221007");
    }

    private boolean logContains(String code) {
        try {
            return Files.exists(log()) && Files.readString(log()).contains(code);
        } catch (IOException e) {
            return false;
        }
    }

    boolean acceptsLogin() {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                url() + "?initialConnectAttempts=1&reconnectAttempts=0&callTimeout=2000");
                Connection connection = factory.createConnection(USER, password)) {
            return connection != null;
        } catch (JMSException e) {
            return false;
        }
    }

    /**
     * An attribute of a broker resource, read over Artemis management messages as an operator would: for example
     * {@code managementAttribute(ResourceNames.BROKER, "maxDiskUsage")} or
     * {@code managementAttribute(ResourceNames.QUEUE + "switchboard.outbound", "messagesAdded")}.
     */
    public Object managementAttribute(String resource, String attribute) {
        return manage(resource + "." + attribute, request -> JMSManagementHelper.putAttribute(request, resource,
                attribute));
    }

    /**
     * An operation on a broker resource over Artemis management messages, as an operator runs it: for example
     * {@code managementOperation(ResourceNames.QUEUE + "switchboard.outbound", "pause")}.
     */
    public Object managementOperation(String resource, String operation, Object... parameters) {
        return manage(resource + "." + operation, request -> JMSManagementHelper.putOperationInvocation(request,
                resource, operation, parameters));
    }

    @FunctionalInterface
    private interface ManagementRequest {
        void fill(Message request) throws Exception;
    }

    private Object manage(String what, ManagementRequest fill) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url());
                QueueConnection connection = factory.createQueueConnection(USER, password);
                QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            QueueRequestor requestor = new QueueRequestor(session, session.createQueue("activemq.management"));
            Message request = session.createMessage();
            fill.fill(request);
            Message reply = requestor.request(request);
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("Artemis management refused " + what + ": "
                        + JMSManagementHelper.getResult(reply));
            }
            return JMSManagementHelper.getResult(reply);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot run " + what + " on " + url(), e);
        }
    }

    /** An orderly shutdown (SIGTERM: Artemis stops its acceptors and closes the journal). */
    public void stop() {
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    /** {@code kill -9}: whatever the journal has not synced is the broker's to recover at the next start. */
    public void kill() {
        if (process != null) {
            process.kill();
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The broker's process id, for a person who wants to kill it. */
    public long pid() {
        return process.pid();
    }

    /** The URL a client or the hub ({@code SPRING_ARTEMIS_BROKER_URL}) connects to. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** Journal, bindings, paging and large messages: what survives a restart. */
    public Path dataDirectory() {
        return instance.resolve("data");
    }

    public Path log() {
        return instance.resolve("artemis.log");
    }

    /** How long the last {@link #start} took until the broker accepted a login. */
    public Duration lastStartup() {
        return lastStartup;
    }

    @Override
    public void close() {
        stop();
    }
}
