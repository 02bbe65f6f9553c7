package io.switchboard.bench.hub;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * HTTP load on keep-alive connections, one thread each. All-out (a closed model: each connection sends its next
 * request as soon as the last is answered) measures the most a path takes; an open model sends at a fixed offered
 * rate whatever the server does, and times every request from the moment it was due, not from when a busy connection
 * got round to sending it, so a server that stalls shows in the percentiles instead of slowing the client down
 * (coordinated omission, as wrk2 accounts for it).
 */
final class HttpLoad {

    /** The request bytes for the {@code serial}-th request of a run. */
    interface Requests {
        byte[] request(long serial);
    }

    /** What a run measured; latencies in microseconds. */
    record Outcome(String name, double offeredPerSecond, double achievedPerSecond, long answered,
            Map<Integer, Long> statuses, long notSent, Histogram latency) {

        long successes() {
            return statuses.entrySet().stream().filter(entry -> entry.getKey() >= 200 && entry.getKey() < 300)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        double percentileMillis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1_000.0;
        }
    }

    /** How long after the end of its schedule an overloaded open-model run stops sending what is still due. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(10);
    /** Status recorded for a request that got no answer (refused, reset, timed out). */
    static final int NO_ANSWER = -1;

    private HttpLoad() {
    }

    static Outcome allOut(String name, int port, int connections, Duration duration, Requests requests) {
        return allOut(name, List.of(port), connections, duration, requests);
    }

    /** All-out over several servers, the connections dealt out in turn, so each server has an equal share. */
    static Outcome allOut(String name, List<Integer> ports, int connections, Duration duration, Requests requests) {
        return run(name, ports, connections, 0, duration, requests);
    }

    static Outcome openModel(String name, int port, int connections, double perSecond, Duration duration,
            Requests requests) {
        return run(name, List.of(port), connections, perSecond, duration, requests);
    }

    private static Outcome run(String name, List<Integer> ports, int connections, double perSecond,
            Duration duration, Requests requests) {
        long start = System.nanoTime() + 10_000_000;
        long end = start + duration.toNanos();
        long giveUp = end + CATCH_UP_LIMIT.toNanos();
        long interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        AtomicLong serials = new AtomicLong();
        AtomicLong notSent = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<Histogram> latencies = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int index = 0; index < connections; index++) {
            Histogram latency = new Histogram(Duration.ofMinutes(10).toNanos() / 1_000, 3);
            latencies.add(latency);
            int port = ports.get(index % ports.size());
            Thread sender = new Thread(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", port)) {
                    LockSupport.parkNanos(start - System.nanoTime());
                    while (true) {
                        long serial = serials.getAndIncrement();
                        long due = interval > 0 ? start + serial * interval : System.nanoTime();
                        if (due >= end) {
                            return;
                        }
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        if (System.nanoTime() > giveUp) {
                            notSent.incrementAndGet();
                            continue;
                        }
                        int status;
                        try {
                            status = connection.exchange(requests.request(serial));
                        } catch (IOException | RuntimeException e) {
                            status = NO_ANSWER;
                        }
                        latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
                        statuses.computeIfAbsent(status, code -> new AtomicLong()).incrementAndGet();
                    }
                }
            }, name + "-" + index);
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while " + name + " ran", e);
            }
        }
        double elapsedSeconds = (Math.max(end, System.nanoTime()) - start) / 1e9;
        Histogram merged = new Histogram(Duration.ofMinutes(10).toNanos() / 1_000, 3);
        latencies.forEach(merged::add);
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        long answered = counted.values().stream().mapToLong(Long::longValue).sum();
        long succeeded = counted.entrySet().stream().filter(entry -> entry.getKey() >= 200 && entry.getKey() < 300)
                .mapToLong(Map.Entry::getValue).sum();
        return new Outcome(name, perSecond, succeeded / elapsedSeconds, answered, counted, notSent.get(), merged);
    }
}
