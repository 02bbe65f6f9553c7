package io.switchboard.bench.hub;

import io.switchboard.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What one benchmark run measured, as {@code results.json}, the table {@code results.md} and the charts. */
record Results(String finishedAt, long runSeconds, String machine, Settings settings, double hubStartupSeconds,
        long hubIdleRssMb, Broker rawBroker, List<PathResult> allOut, List<RatePoint> acceptAtRates,
        List<EndToEndPoint> endToEnd) {

    record Settings(long warmUpSeconds, long pointSeconds, int connections) {
    }

    record Broker(double sentPerSecond, double receivedPerSecond) {
    }

    /** The CPU a process spent over a measurement, per message (ms) and in cores. */
    record Cpu(double msPerMessage, double cores) {

        static Cpu of(JvmMeter.Usage usage, double messages) {
            return new Cpu(messages == 0 ? 0 : usage.cpuMillis() / messages, usage.cores());
        }
    }

    /**
     * The hub's JVM over a measurement: threads it started, methods it compiled and the cores its JIT took doing so
     * (a settled JIT compiles next to nothing), its resident memory at the end.
     */
    record HubJvm(long threadsStarted, long compilations, double compilingCores, long rssMb, long liveThreads) {

        static HubJvm of(JvmMeter.Usage usage) {
            return new HubJvm(usage.threadsStarted(), usage.compilations(), usage.compilingCores(),
                    usage.rssBytes() / 1_048_576, usage.liveThreads());
        }
    }

    record Latency(double p50, double p90, double p99, double p999, double max) {

        static Latency of(HttpLoad.Outcome outcome) {
            return new Latency(outcome.percentileMillis(50), outcome.percentileMillis(90),
                    outcome.percentileMillis(99), outcome.percentileMillis(99.9), outcome.latency().getMaxValue()
                            / 1_000.0);
        }
    }

    record PathResult(String path, double perSecond, Map<Integer, Long> statuses, Latency latencyMs, Cpu hub,
            Cpu carriers, Cpu load, HubJvm hubJvm) {

        static PathResult of(HttpLoad.Outcome outcome, JvmMeter.Usage hub, JvmMeter.Usage carriers,
                JvmMeter.Usage load) {
            double messages = outcome.successes();
            return new PathResult(outcome.name(), outcome.achievedPerSecond(), outcome.statuses(),
                    Latency.of(outcome), Cpu.of(hub, messages), Cpu.of(carriers, messages), Cpu.of(load, messages),
                    HubJvm.of(hub));
        }
    }

    record RatePoint(int offered, double achievedPerSecond, Map<Integer, Long> statuses, long notSent,
            Latency latencyMs, Cpu hub, HubJvm hubJvm) {

        static RatePoint of(HttpLoad.Outcome outcome, JvmMeter.Usage hub) {
            return new RatePoint((int) outcome.offeredPerSecond(), outcome.achievedPerSecond(), outcome.statuses(),
                    outcome.notSent(), Latency.of(outcome), Cpu.of(hub, outcome.successes()), HubJvm.of(hub));
        }
    }

    /**
     * One offered rate from accept to webhook. Sustained: everything offered was accepted, the webhooks kept pace
     * and no queue grew (the total depth's slope under 1 % of the rate, at most one message a second more).
     */
    record EndToEndPoint(int offered, double acceptedPerSecond, double webhooksPerSecond, boolean sustained,
            double queueGrowthPerSecond, long maxQueueDepth, String fastestGrowingQueue,
            Map<String, Long> lastQueueDepths, double drainSeconds, Latency acceptLatencyMs, Cpu hub, Cpu carriers,
            Cpu load, HubJvm hubJvm) {

        static EndToEndPoint of(int offered, HttpLoad.Outcome outcome, double webhooksPerSecond,
                DepthSampler.Trend trend, double drainSeconds, JvmMeter.Usage hub, JvmMeter.Usage carriers,
                JvmMeter.Usage load) {
            double accepted = outcome.successes();
            boolean sustained = outcome.achievedPerSecond() >= offered * 0.98
                    && webhooksPerSecond >= offered * 0.95
                    && trend.growthPerSecond() <= Math.max(1, offered * 0.01);
            return new EndToEndPoint(offered, outcome.achievedPerSecond(), webhooksPerSecond, sustained,
                    trend.growthPerSecond(), trend.maxDepth(), trend.fastestGrowing(), trend.lastDepths(),
                    drainSeconds, Latency.of(outcome), Cpu.of(hub, accepted), Cpu.of(carriers, accepted),
                    Cpu.of(load, accepted), HubJvm.of(hub));
        }
    }

    void write(Path directory) throws IOException {
        Files.writeString(directory.resolve("results.json"),
                Fixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        Files.writeString(directory.resolve("results.md"), table());
        Charts.write(this, directory);
    }

    private String table() {
        StringBuilder table = new StringBuilder();
        double ceiling = allOut.get(0).perSecond();
        double broker = rawBroker.receivedPerSecond();
        table.append("Finished ").append(finishedAt).append(" on ").append(machine).append("; hub started in ")
                .append(fmt(hubStartupSeconds)).append(" s, idle RSS ").append(hubIdleRssMb).append(" MB.\n\n");
        table.append("| path | per second | ÷ HTTP ceiling | ÷ raw broker | p50 / p99 / p99.9 ms | hub CPU ms per "
                + "message (cores) | carriers CPU ms (cores) | load CPU ms (cores) | " + JVM_COLUMN
                + " |\n|---|---|---|---|---|---|---|---|---|\n");
        table.append("| raw broker: persistent, 1 producer and 1 consumer | ").append(fmt(broker))
                .append(" | | 1 | | | | | |\n");
        for (PathResult path : allOut) {
            table.append("| ").append(path.path()).append(" | ").append(fmt(path.perSecond())).append(" | ")
                    .append(ratio(path.perSecond(), ceiling)).append(" | ").append(ratio(path.perSecond(), broker))
                    .append(" | ").append(latency(path.latencyMs())).append(" | ").append(cpu(path.hub()))
                    .append(" | ").append(cpu(path.carriers())).append(" | ").append(cpu(path.load())).append(" | ")
                    .append(jvm(path.hubJvm())).append(" |\n");
        }
        table.append("\n| v1 accept, offered per second | achieved | p50 / p90 / p99 / p99.9 / max ms | not 2xx "
                + "| hub CPU ms per message (cores) | " + JVM_COLUMN + " |\n"
                + "|---|---|---|---|---|---|\n");
        for (RatePoint point : acceptAtRates) {
            table.append("| ").append(point.offered()).append(" | ").append(fmt(point.achievedPerSecond()))
                    .append(" | ").append(fmt(point.latencyMs().p50())).append(" / ")
                    .append(fmt(point.latencyMs().p90())).append(" / ").append(fmt(point.latencyMs().p99()))
                    .append(" / ").append(fmt(point.latencyMs().p999())).append(" / ")
                    .append(fmt(point.latencyMs().max())).append(" | ").append(failures(point.statuses()))
                    .append(point.notSent() > 0 ? ", " + point.notSent() + " never sent" : "").append(" | ")
                    .append(cpu(point.hub())).append(" | ").append(jvm(point.hubJvm())).append(" |\n");
        }
        table.append("\n| end to end, offered per second | accepted | webhooks | sustained | queue growth per s "
                + "(fastest) | max depth | drained in s | accept p99 ms | hub CPU ms per message (cores) | "
                + "carriers CPU ms (cores) | load CPU ms (cores) | " + JVM_COLUMN
                + " |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (EndToEndPoint point : endToEnd) {
            table.append("| ").append(point.offered()).append(" | ").append(fmt(point.acceptedPerSecond()))
                    .append(" | ").append(fmt(point.webhooksPerSecond())).append(" | ")
                    .append(point.sustained() ? "yes" : "no").append(" | ")
                    .append(fmt(point.queueGrowthPerSecond())).append(" (").append(point.fastestGrowingQueue())
                    .append(") | ").append(point.maxQueueDepth()).append(" | ").append(fmt(point.drainSeconds()))
                    .append(" | ").append(fmt(point.acceptLatencyMs().p99())).append(" | ").append(cpu(point.hub()))
                    .append(" | ").append(cpu(point.carriers())).append(" | ").append(cpu(point.load()))
                    .append(" | ").append(jvm(point.hubJvm())).append(" |\n");
        }
        return table.toString();
    }

    private static String latency(Latency latency) {
        return fmt(latency.p50()) + " / " + fmt(latency.p99()) + " / " + fmt(latency.p999());
    }

    static String cpu(Cpu cpu) {
        return fmt(cpu.msPerMessage()) + " (" + fmt(cpu.cores()) + ")";
    }

    private static final String JVM_COLUMN = "hub compilations (JIT cores), threads started, RSS MB";

    private static String jvm(HubJvm jvm) {
        return jvm.compilations() + " (" + fmt(jvm.compilingCores()) + "), " + jvm.threadsStarted() + ", "
                + jvm.rssMb();
    }

    private static String failures(Map<Integer, Long> statuses) {
        long failed = statuses.entrySet().stream().filter(entry -> entry.getKey() < 200 || entry.getKey() >= 300)
                .mapToLong(Map.Entry::getValue).sum();
        return Long.toString(failed);
    }

    static String ratio(double value, double of) {
        return of == 0 ? "" : String.format("%.3f", value / of);
    }

    static String fmt(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
