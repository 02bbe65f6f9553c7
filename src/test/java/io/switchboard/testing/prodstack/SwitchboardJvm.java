package io.switchboard.testing.prodstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar, {@code target/switchboard.jar}, run as a JVM of its own from the project folder (which holds
 * config/ and routes/, as SWITCHBOARD_HOME would) on a loopback port chosen once: started, killed -9 or stopped, and
 * started again on the same port and data. Output goes to one log file across restarts.
 */
public abstract class SwitchboardJvm implements AutoCloseable {

    /** Set by the build (failsafe) to the jar the package phase made, extracted as docker/Dockerfile runs it. */
    static final String JAR_PROPERTY = "switchboard.jar";
    /** Set by the build (failsafe) to the class data sharing archive of a training start of that jar. */
    static final String CLASS_DATA_PROPERTY = "switchboard.class-data";
    /** Small enough for 2 shared cores and several JVMs; a JVM that runs out of memory dies instead of limping. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

    private final int port;
    private final ManagedProcess process;
    private final Duration startTimeout;
    private final Duration stopGrace;
    private volatile Instant launchedAt;
    private volatile Duration lastStartup;

    SwitchboardJvm(String name, int port, Map<String, String> environment, List<String> arguments, Path log,
            Duration startTimeout, Duration stopGrace) {
        this.port = port;
        this.startTimeout = startTimeout;
        this.stopGrace = stopGrace;
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/switchboard.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar at " + jar + ": run the production-stack tests through Maven "
                    + "(./mvnw -B verify), which packages it before them");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        String classData = System.getProperty(CLASS_DATA_PROPERTY);
        if (classData != null && Files.isRegularFile(Path.of(classData))) {
            command.add("-XX:SharedArchiveFile=" + classData);
            command.add("-Xlog:cds=error");
        }
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        this.process = new ManagedProcess(name, command, environment, Path.of("").toAbsolutePath(), log);
    }

    /** Whether the started JVM is ready for traffic; asked until it is, or the process exits, or time runs out. */
    abstract boolean ready();

    /** Starts the JVM (again, after {@link #kill} or {@link #stop}) and waits until it is ready. */
    public void start() {
        launch();
        awaitReady();
    }

    /** Starts the JVM without waiting for it, so it can be killed while it is still starting. */
    public void launch() {
        launchedAt = Instant.now();
        process.start();
    }

    /** Waits until the JVM {@link #launch launched} last is ready. */
    public void awaitReady() {
        process.awaitReady(startTimeout, this::ready);
        lastStartup = Duration.between(launchedAt, Instant.now());
    }

    /** {@code kill -9}: no shutdown, nothing flushed; whatever was in flight is the next start's to recover. */
    public void kill() {
        process.kill();
    }

    /** SIGTERM: Spring shuts down in order; killed if it has not ended after a grace period. */
    public void stop() {
        process.stop(stopGrace);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path log() {
        return process.log();
    }

    /** How long the last {@link #start} took until the JVM was ready. */
    public Duration lastStartup() {
        return lastStartup;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return process.toString();
    }
}
