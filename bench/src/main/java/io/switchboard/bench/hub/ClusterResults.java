package io.switchboard.bench.hub;

import io.switchboard.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What one run of {@link ClusterBenchmark} measured, as {@code results.json} and the table {@code results.md}. */
record ClusterResults(String finishedAt, long runSeconds, String machine, Results.Settings settings,
        Ceiling httpCeiling, List<Phase> phases) {

    /**
     * {@code GET /actuator/health/liveness} all-out on the first hub: its HTTP stack with nothing behind it, which
     * each phase's accept rate is set against. The CPU is per request.
     */
    record Ceiling(double perSecond, Map<Integer, Long> statuses, Results.Latency latencyMs,
            Map<String, Results.Cpu> cpu) {

        static Ceiling of(HttpLoad.Outcome outcome, Map<String, Results.Cpu> cpu) {
            return new Ceiling(outcome.achievedPerSecond(), outcome.statuses(), Results.Latency.of(outcome), cpu);
        }
    }

    /** The counts of {@code pg_stat_database} for the hubs' database, per accepted message. */
    record DatabaseWork(double commits, double rowsInserted, double rowsUpdated, double rowsDeleted) {
    }

    /**
     * v1 accept all-out on the ports of {@code hubsUnderLoad} hubs for the window, then the drain, until every message
     * accepted in the window was delivered. Delivered per second is what was accepted over both; the CPU of each
     * process, the database's work and the enqueues on the broker are over both, per accepted message.
     */
    record Phase(String name, int hubsUnderLoad, long accepted, double acceptedPerSecond, Map<Integer, Long> statuses,
            Results.Latency acceptLatencyMs, double windowSeconds, double drainSeconds, double deliveredPerSecond,
            Map<String, Results.Cpu> cpu, DatabaseWork databasePerMessage, double brokerEnqueuesPerMessage) {

        static Phase of(String name, int hubsUnderLoad, HttpLoad.Outcome window, double windowSeconds,
                double drainSeconds, Map<String, Results.Cpu> cpu, DatabaseWork databasePerMessage,
                double brokerEnqueuesPerMessage) {
            long accepted = window.successes();
            return new Phase(name, hubsUnderLoad, accepted, window.achievedPerSecond(), window.statuses(),
                    Results.Latency.of(window), windowSeconds, drainSeconds,
                    accepted / (windowSeconds + drainSeconds), cpu, databasePerMessage, brokerEnqueuesPerMessage);
        }

        long notAccepted() {
            return statuses.values().stream().mapToLong(Long::longValue).sum() - accepted;
        }
    }

    void write(Path directory) throws IOException {
        Files.writeString(directory.resolve("results.json"),
                Fixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        Files.writeString(directory.resolve("results.md"), table());
    }

    private String table() {
        StringBuilder table = new StringBuilder();
        table.append("Finished ").append(finishedAt).append(" on ").append(machine).append(" in ").append(runSeconds)
                .append(" s: each phase warmed up for ").append(settings.warmUpSeconds()).append(" s, measured for ")
                .append(settings.pointSeconds()).append(" s on ").append(settings.connections())
                .append(" connections.\n\nHTTP ceiling, GET /actuator/health/liveness all-out on hub A: ")
                .append(Results.fmt(httpCeiling.perSecond())).append("/s, p50 / p99 ")
                .append(Results.fmt(httpCeiling.latencyMs().p50())).append(" / ")
                .append(Results.fmt(httpCeiling.latencyMs().p99())).append(" ms.\n\n");
        List<String> processes = List.copyOf(phases.get(0).cpu().keySet());
        table.append("| phase | accepted/s | ÷ HTTP ceiling | p50 ms | p99 ms | not 2xx | drained in s "
                + "| delivered/s |");
        processes.forEach(process -> table.append(' ').append(process).append(" CPU ms per message (cores) |"));
        table.append(" DB commits per message | DB rows inserted / updated / deleted per message | broker enqueues "
                + "per message |\n|").append("---|".repeat(11 + processes.size())).append('\n');
        for (Phase phase : phases) {
            DatabaseWork database = phase.databasePerMessage();
            table.append("| ").append(phase.name()).append(" | ").append(Results.fmt(phase.acceptedPerSecond()))
                    .append(" | ").append(Results.ratio(phase.acceptedPerSecond(), httpCeiling.perSecond()))
                    .append(" | ").append(Results.fmt(phase.acceptLatencyMs().p50())).append(" | ")
                    .append(Results.fmt(phase.acceptLatencyMs().p99())).append(" | ").append(phase.notAccepted())
                    .append(" | ").append(Results.fmt(phase.drainSeconds())).append(" | ")
                    .append(Results.fmt(phase.deliveredPerSecond())).append(" |");
            processes.forEach(process -> table.append(' ').append(Results.cpu(phase.cpu().get(process))).append(" |"));
            table.append(' ').append(Results.fmt(database.commits())).append(" | ")
                    .append(Results.fmt(database.rowsInserted())).append(" / ")
                    .append(Results.fmt(database.rowsUpdated())).append(" / ")
                    .append(Results.fmt(database.rowsDeleted())).append(" | ")
                    .append(Results.fmt(phase.brokerEnqueuesPerMessage())).append(" |\n");
        }
        Phase first = phases.get(0);
        for (Phase phase : phases.subList(1, phases.size())) {
            table.append('\n').append(phase.name()).append(" ÷ ").append(first.name()).append(": accepted/s ")
                    .append(Results.ratio(phase.acceptedPerSecond(), first.acceptedPerSecond()))
                    .append(", delivered/s ")
                    .append(Results.ratio(phase.deliveredPerSecond(), first.deliveredPerSecond())).append(".\n");
        }
        return table.toString();
    }
}
