package io.switchboard.bench.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Samples the hub's queue depths once a second while a rate runs, so a rate that only looks sustained because the
 * work piles up behind the accept shows as growth.
 */
final class DepthSampler {

    /**
     * @param growthPerSecond the least-squares slope of the total depth over the run
     * @param fastestGrowing  the queue whose depth grew most between the first and the last sample
     */
    record Trend(double growthPerSecond, long maxDepth, long lastDepth, String fastestGrowing,
            Map<String, Long> lastDepths) {
    }

    private final QueueDepths queues;
    private final List<long[]> totals = new ArrayList<>();
    private final Thread sampling;
    private volatile boolean running = true;
    private Map<String, Long> first = Map.of();
    private Map<String, Long> last = Map.of();

    private DepthSampler(QueueDepths queues) {
        this.queues = queues;
        this.sampling = new Thread(this::sample, "queue-depths");
    }

    static DepthSampler start(QueueDepths queues) {
        DepthSampler sampler = new DepthSampler(queues);
        sampler.sampling.start();
        return sampler;
    }

    private void sample() {
        long begin = System.nanoTime();
        while (running) {
            Map<String, Long> depths = queues.read();
            long total = depths.entrySet().stream().filter(queue -> !QueueDepths.setAside(queue.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            synchronized (this) {
                if (totals.isEmpty()) {
                    first = depths;
                }
                last = depths;
                totals.add(new long[] {(System.nanoTime() - begin) / 1_000_000, total});
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Trend stop() throws InterruptedException {
        running = false;
        sampling.join();
        synchronized (this) {
            double n = totals.size();
            double meanT = totals.stream().mapToDouble(sample -> sample[0] / 1_000.0).sum() / n;
            double meanD = totals.stream().mapToDouble(sample -> sample[1]).sum() / n;
            double covariance = 0;
            double variance = 0;
            for (long[] sample : totals) {
                double t = sample[0] / 1_000.0 - meanT;
                covariance += t * (sample[1] - meanD);
                variance += t * t;
            }
            String fastest = last.keySet().stream().filter(queue -> !QueueDepths.setAside(queue))
                    .max((a, b) -> Long.compare(last.get(a) - first.getOrDefault(a, 0L),
                            last.get(b) - first.getOrDefault(b, 0L)))
                    .orElse("");
            return new Trend(variance == 0 ? 0 : covariance / variance,
                    totals.stream().mapToLong(sample -> sample[1]).max().orElse(0),
                    totals.isEmpty() ? 0 : totals.get(totals.size() - 1)[1], fastest, Map.copyOf(last));
        }
    }
}
