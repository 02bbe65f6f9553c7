package io.switchboard.testing.prodstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An operating-system process a test starts and may stop, kill ({@code kill -9}) and start again. Its output is
 * appended to one log file per process, kept under {@code target/} for diagnosis across restarts, and it is killed
 * when the test JVM exits, however the test ended.
 */
public final class ManagedProcess {

    /** The inherited variables a child needs to run at all; everything else it gets is explicit. */
    private static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "TZ");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "managed-process-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path log;
    private volatile Process process;

    /**
     * @param name        what the log and failure messages call it
     * @param environment the variables it gets besides {@link #INHERITED}; nothing else leaks in from the test JVM
     */
    public ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
            Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.log = log;
    }

    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + process.pid());
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> variables = builder.environment();
        Map<String, String> inherited = new HashMap<>(variables);
        variables.clear();
        inherited.forEach((key, value) -> {
            if (INHERITED.contains(key)) {
                variables.put(key, value);
            }
        });
        variables.putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        RUNNING.add(process);
    }

    /**
     * Waits until {@code ready} holds, failing at once with the end of the log if the process exits meanwhile, and
     * with the end of the log if the time runs out.
     */
    public void awaitReady(Duration timeout, Callable<Boolean> ready) {
        try {
            Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(200))
                    // nothing listens yet
                    .ignoreExceptionsMatching(e -> e instanceof IOException || e instanceof UncheckedIOException)
                    .until(() -> {
                        if (!isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue()
                                    + " before it was ready; " + log + " ends:\n" + logTail(40));
                        }
                        return ready.call();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " was not ready within " + timeout + "; " + log + " ends:\n"
                    + logTail(40), e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no flush; returns once the process is gone. */
    public void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroyForcibly();
        awaitExit(running, Duration.ofSeconds(30));
    }

    /** SIGTERM, so the process shuts down in order; killed if it has not exited within {@code grace}. */
    public void stop(Duration grace) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        RUNNING.remove(running);
    }

    private void awaitExit(Process running, Duration timeout) {
        try {
            if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + running.pid() + ") outlived kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(running);
    }

    public Path log() {
        return log;
    }

    /** The last lines of the log, for failure messages. */
    public String logTail(int lines) {
        return tail(log, lines);
    }

    /** The last lines of a log file, decoded leniently: a process may write bytes that are not UTF-8. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
