package io.switchboard.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts the sandbox carriers' callbacks on a timer, one after another, as a real carrier would some time after it
 * accepted a message. Scheduled, so no thread sleeps.
 */
@Component
public class SandboxCallbacks implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxCallbacks.class);

    static final int ATTEMPTS = 6;
    private static final long MIN_RETRY_WAIT_MS = 100;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration delay;

    public SandboxCallbacks(SandboxProperties properties) {
        this.delay = properties.callbackDelay();
    }

    /**
     * Posts each body in turn to the URL, the first after one delay and each next one a delay later. A post answered
     * with anything but 2xx (a hub that has not yet stored the carrier's message id answers 503) or not answered is
     * tried again after twice the wait, up to {@value #ATTEMPTS} times in all, as real carriers do.
     */
    public void post(URI url, Map<String, String> headers, List<byte[]> bodies) {
        post(url, body -> headers, bodies);
    }

    /** As {@link #post(URI, Map, List)}, with headers that depend on the body, such as its signature. */
    public void post(URI url, Function<byte[], Map<String, String>> headersOf, List<byte[]> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            byte[] body = bodies.get(i);
            Map<String, String> headers = headersOf.apply(body);
            timer.schedule(() -> send(url, headers, body, 1), delay.toMillis() * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    private void send(URI url, Map<String, String> headers, byte[] body, int attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    if (failure == null && response.statusCode() < 300) {
                        return;
                    }
                    String problem = failure != null ? failure.toString() : "HTTP " + response.statusCode();
                    if (attempt >= ATTEMPTS) {
                        LOG.warn("Sandbox callback to {} given up after {} attempts: {}", url.getPath(), attempt,
                                problem);
                        return;
                    }
                    LOG.debug("Sandbox callback to {} attempt {}: {}", url.getPath(), attempt, problem);
                    long wait = Math.max(delay.toMillis(), MIN_RETRY_WAIT_MS) << attempt;
                    timer.schedule(() -> send(url, headers, body, attempt + 1), wait, TimeUnit.MILLISECONDS);
                });
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
