package io.switchboard.bench.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a JVM of the benchmark has used, read from outside it: CPU time and resident memory from Linux's /proc, threads
 * started and JIT compilations from the JVM's own performance counters ({@code jcmd PerfCounter.print}), so the hub,
 * the carriers and the load generator are each measured alike and none of them needs an agent.
 */
final class JvmMeter {

    /** One reading; {@link #since} turns two into what happened between them. */
    record Reading(long nanos, long cpuMillis, long rssBytes, long threadsStarted, long liveThreads,
            long compilations, double compilingSeconds) {

        Usage since(Reading before) {
            return new Usage((nanos - before.nanos) / 1e9, cpuMillis - before.cpuMillis, rssBytes,
                    threadsStarted - before.threadsStarted, liveThreads, compilations - before.compilations,
                    compilingSeconds - before.compilingSeconds);
        }
    }

    /**
     * Between two readings: CPU used, threads started, methods compiled and the time the JIT spent compiling them;
     * memory and live threads at the end.
     */
    record Usage(double seconds, long cpuMillis, long rssBytes, long threadsStarted, long liveThreads,
            long compilations, double compilingSeconds) {

        double cores() {
            return cpuMillis / 1_000.0 / seconds;
        }

        /** The JIT's share of the cores: compiling time over the window, as the JVM's own counter sums it. */
        double compilingCores() {
            return compilingSeconds / seconds;
        }
    }

    private final long pid;

    JvmMeter(long pid) {
        this.pid = pid;
    }

    Reading read() {
        Map<String, Long> counters = perfCounters();
        return new Reading(System.nanoTime(), ProcessCpu.ownMillis(pid), statusValue("VmRSS") * 1024,
                counters.getOrDefault("java.threads.started", -1L), statusValue("Threads"),
                counters.getOrDefault("sun.ci.totalCompiles", -1L),
                (counters.getOrDefault("sun.ci.standardTime", 0L) + counters.getOrDefault("sun.ci.osrTime", 0L))
                        / (double) counters.getOrDefault("sun.os.hrt.frequency", 1_000_000_000L));
    }

    private long statusValue(String name) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("No " + name + " in /proc/" + pid + "/status");
    }

    private Map<String, Long> perfCounters() {
        Map<String, Long> counters = new HashMap<>();
        String output = run(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "PerfCounter.print");
        for (String line : output.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(equals + 1).trim().matches("-?\\d+")) {
                counters.put(line.substring(0, equals).trim(), Long.parseLong(line.substring(equals + 1).trim()));
            }
        }
        return counters;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + command[0], e);
        }
    }
}
