package io.switchboard.bench.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time processes have used, read from Linux's /proc, so that JVMs and the broker's and the database's
 * processes are measured alike, from outside and without an agent.
 */
final class ProcessCpu {

    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcessCpu() {
    }

    /** User and system time of the process itself, in milliseconds. */
    static long ownMillis(long pid) {
        long[] times = times(pid).orElseThrow(() -> new IllegalStateException("Cannot read /proc/" + pid + "/stat"));
        return millis(times[0] + times[1]);
    }

    /**
     * User and system time of a process and all its descendants, those that have ended included, in milliseconds:
     * a server made of several processes, such as PostgreSQL's postmaster with its backends and the autovacuum workers
     * it starts and reaps, or a broker started through a shell script. An ended child's time moves to its parent's
     * count of reaped children, which is added here too.
     */
    static long treeMillis(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No process " + pid));
        long ticks = 0;
        for (ProcessHandle process : Stream.concat(Stream.of(root), root.descendants()).toList()) {
            // a process that ended since it was listed is gone from /proc; its parent counts its time
            ticks += times(process.pid()).map(times -> times[0] + times[1] + times[2] + times[3]).orElse(0L);
        }
        return millis(ticks);
    }

    /** utime, stime, cutime and cstime in clock ticks; empty once the process has ended. */
    private static Optional<long[]> times(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Optional.empty();
        }
        // the fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Optional.of(new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                Long.parseLong(fields[13]), Long.parseLong(fields[14])});
    }

    private static long millis(long ticks) {
        return ticks * 1_000 / TICKS_PER_SECOND;
    }

    private static long ticksPerSecond() {
        String ticks = JvmMeter.run("getconf", "CLK_TCK").trim();
        return ticks.matches("\\d+") ? Long.parseLong(ticks) : 100;
    }
}
