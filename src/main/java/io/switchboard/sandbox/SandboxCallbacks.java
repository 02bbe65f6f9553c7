package io.switchboard.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Posts the sandbox carriers' callbacks on a timer, one after another, as a real carrier would some time after it
 * accepted a message, and holds each one the hub does not take (down, starting, or answering 503 because it has not
 * yet stored the carrier's message id), posting it again until it is answered 2xx or
 * {@code switchboard.sandbox.callback-retry.max-age} has passed. Scheduled, so no thread sleeps
 * between attempts.
 */
@Component
public class SandboxCallbacks implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxCallbacks.class);

    private static final long MIN_RETRY_WAIT_MS = 100;
    /** Doubling stops here long before a wait could overflow; max-wait caps it anyway. */
    private static final int MAX_DOUBLINGS = 20;

    /**
     * Posts run on these threads and wait for their answers: the JDK client's {@code sendAsync} hands every
     * completion to {@code CompletableFuture}'s default executor, which starts a thread per task when the common pool
     * has a parallelism of 1 (two cores), a thread per callback under load.
     */
    private static final int POSTING_THREADS = 8;

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(POSTING_THREADS,
            postingThreads());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration delay;
    private final SandboxProperties.CallbackRetry retry;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();

    private static ThreadFactory postingThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("sandbox-callbacks-");
        threads.setDaemon(true);
        return threads;
    }

    public SandboxCallbacks(SandboxProperties properties) {
        this.delay = properties.callbackDelay();
        this.retry = properties.callbackRetry();
    }

    /**
     * Posts each body in turn to the URL, the first after one delay and each next one a delay later. A post answered
     * with anything but 2xx, or not answered, is tried again after twice the wait (at most max-wait) until max-age.
     */
    public void post(URI url, Map<String, String> headers, List<byte[]> bodies) {
        post(url, body -> headers, bodies);
    }

    /** As {@link #post(URI, Map, List)}, with headers that depend on the body, such as its signature. */
    public void post(URI url, Function<byte[], Map<String, String>> headersOf, List<byte[]> bodies) {
        postAfter(0, url, headersOf, bodies);
    }

    /**
     * As {@link #post(URI, Function, List)}, after {@code earlier} callbacks the carrier posts before these, a delay
     * each: a user's answer comes after the reports on the message it answers, which may go to another URL.
     */
    public void postAfter(int earlier, URI url, Function<byte[], Map<String, String>> headersOf,
            List<byte[]> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            byte[] body = bodies.get(i);
            Map<String, String> headers = headersOf.apply(body);
            pending.incrementAndGet();
            long at = delay.toMillis() * (earlier + i + 1);
            timer.schedule(() -> send(url, headers, body, 1, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(at)),
                    at, TimeUnit.MILLISECONDS);
        }
    }

    private void send(URI url, Map<String, String> headers, byte[] body, int attempt, long firstPostNanos) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        Optional<String> problem = answerProblem(request.build());
        if (problem.isEmpty()) {
            delivered.incrementAndGet();
            pending.decrementAndGet();
            return;
        }
        if (System.nanoTime() - firstPostNanos >= retry.maxAge().toNanos()) {
            LOG.warn("Sandbox callback to {} given up after {} attempts in {}: {}", url.getPath(), attempt,
                    retry.maxAge(), problem.get());
            givenUp.incrementAndGet();
            pending.decrementAndGet();
            return;
        }
        LOG.debug("Sandbox callback to {} attempt {}: {}", url.getPath(), attempt, problem.get());
        long wait = Math.min(retry.maxWait().toMillis(),
                Math.max(delay.toMillis(), MIN_RETRY_WAIT_MS) << Math.min(attempt, MAX_DOUBLINGS));
        timer.schedule(() -> send(url, headers, body, attempt + 1, firstPostNanos), wait, TimeUnit.MILLISECONDS);
    }

    /** Empty when the hub answered 2xx, else what went wrong. */
    private Optional<String> answerProblem(HttpRequest request) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status < 300 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (IOException failure) {
            return Optional.of(failure.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** How many callbacks are waiting for their first post or for the hub to take them, and how many went. */
    public Tally tally() {
        return new Tally(pending.get(), delivered.get(), givenUp.get());
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /**
     * @param pending   scheduled or held, not yet answered with a 2xx
     * @param delivered answered with a 2xx
     * @param givenUp   not taken within max-age: lost, as a real carrier's would be
     */
    public record Tally(int pending, long delivered, long givenUp) {
    }
}
