package io.switchboard.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one webhook endpoint's trouble its own. Every delivery consumer posts to any subscriber, so without limits a
 * dead endpoint's retries (each waiting out the connect or response timeout) would take every consumer and delay all
 * other subscribers' webhooks. Each endpoint (host and port) gets a share of posts in flight and a circuit breaker that
 * counts failed and slow posts. A delivery to an endpoint whose whole share is in flight fails (after at most
 * {@code max-wait}) and goes back to the broker for a later attempt, as a failed post does; one to an endpoint whose
 * breaker keeps posts away is parked ({@link ParkedDeliveries}) until the breaker lets trial posts through, and those
 * decide whether the rest follow.
 */
@Component("webhookEndpoints")
public class WebhookEndpoints implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoints.class);

    private final int maxConcurrent;
    private final Duration maxWait;
    private final int trialCalls;
    private final CircuitBreakerRegistry breakers;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final ParkedDeliveries parked;
    /** Releases run off the consumers' and the breakers' threads, one at a time. */
    private final ExecutorService releases = Executors.newSingleThreadExecutor(
            WebhookEndpoints::releaseThread);

    public WebhookEndpoints(WebhookEndpointProperties properties, ParkedDeliveries parked) {
        this.maxConcurrent = properties.maxConcurrent();
        this.maxWait = properties.maxWait();
        this.trialCalls = properties.trialCalls();
        this.parked = parked;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRate())
                .slowCallRateThreshold(properties.failureRate())
                .slowCallDurationThreshold(properties.slowCall())
                .slidingWindowSize(properties.window())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(properties.trialCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        breakers.getEventPublisher().onEntryAdded(added -> {
            CircuitBreaker breaker = added.getAddedEntry();
            breaker.getEventPublisher().onStateTransition(event -> {
                switch (event.getStateTransition().getToState()) {
                    case HALF_OPEN -> release(breaker.getName(), trialCalls);
                    // DISABLED: an operator lets every post through (forced closed)
                    case CLOSED, DISABLED -> release(breaker.getName(), Integer.MAX_VALUE);
                    default -> {
                    }
                }
            });
        });
    }

    /**
     * A hub that stopped with deliveries parked has no breaker for their endpoints any more: they go back to the
     * delivery queue, and an endpoint still dead parks them again once its new breaker opens.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void releaseParkedBeforeStart() {
        release(null, Integer.MAX_VALUE);
    }

    private void release(String endpoint, int atMost) {
        if (releases.isShutdown()) {
            // the hub is stopping: what is parked stays parked, and the next start releases it
            return;
        }
        releases.execute(() -> {
            try {
                parked.release(endpoint, atMost);
            } catch (RuntimeException e) {
                // the deliveries stay parked; the breaker's next trial or close, or the next start, releases them
                LOG.warn("Could not release the webhook deliveries parked for {}: {}",
                        endpoint == null ? "any endpoint" : endpoint, e.getMessage());
            }
        });
    }

    /**
     * A post this webhook may make now; give it back with {@link #finish}. A busy endpoint's delivery waits up to
     * {@code max-wait} for one of its posts to end. The default is no wait: a consumer waiting on a hanging endpoint
     * is a consumer the other endpoints lose, and with a dead subscriber half the deliveries each held one for the
     * whole wait (see BENCHMARKS.md).
     *
     * @throws WebhookEndpointOpenException        when the endpoint's breaker keeps posts away
     * @throws WebhookEndpointUnavailableException when the endpoint's share stays in flight
     */
    public Attempt admit(WebhookDelivery delivery) throws InterruptedException {
        // a delivery queued before deliveries named their URL is held to its subscription's limits instead
        String endpoint = delivery.url() == null ? "subscription " + delivery.subscriptionId()
                : endpointOf(delivery.url());
        CircuitBreaker breaker = breakers.circuitBreaker(endpoint);
        if (!breaker.tryAcquirePermission()) {
            throw new WebhookEndpointOpenException(endpoint, breaker.getState().name());
        }
        Semaphore slots = inFlight.computeIfAbsent(endpoint, key -> new Semaphore(maxConcurrent));
        if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
            breaker.releasePermission();
            throw new WebhookEndpointUnavailableException(endpoint + " still has " + maxConcurrent
                    + " webhook posts in flight after " + maxWait.toMillis() + " ms");
        }
        return new Attempt(endpoint, breaker, slots, System.nanoTime());
    }

    /** The post is over: a failure (any, a refusal included) counts against the endpoint, a 2xx for it. */
    public void finish(Attempt attempt, Exception failure) {
        long took = System.nanoTime() - attempt.startedNanos();
        try {
            if (failure == null) {
                attempt.breaker().onSuccess(took, TimeUnit.NANOSECONDS);
            } else {
                attempt.breaker().onError(took, TimeUnit.NANOSECONDS, failure);
            }
        } finally {
            attempt.slots().release();
        }
    }

    /** The endpoint's breaker state (CLOSED, OPEN, HALF_OPEN), as operators and tests see it. */
    public String state(String url) {
        return breakers.circuitBreaker(endpointOf(url)).getState().name();
    }

    /** The breaker of every endpoint posted to since the hub started, by endpoint, for operators to see and force. */
    public List<CircuitBreaker> breakers() {
        return breakers.getAllCircuitBreakers().stream().sorted(Comparator.comparing(CircuitBreaker::getName))
                .toList();
    }

    /** The endpoint a URL posts to; never its path or credentials, which may hold a subscriber's secrets. */
    static String endpointOf(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }

    private static Thread releaseThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "webhook-release");
        // a release cut short by the hub stopping leaves its deliveries parked, and the next start releases them
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void destroy() {
        releases.shutdownNow();
    }

    /** Where deliveries wait while their endpoint's breaker keeps posts away. */
    public interface ParkedDeliveries {

        /**
         * Puts up to {@code atMost} deliveries parked for this endpoint (any endpoint when null) back on the delivery
         * queue; returns how many.
         */
        int release(String endpoint, int atMost);
    }

    /** One admitted post. */
    public record Attempt(String endpoint, CircuitBreaker breaker, Semaphore slots, long startedNanos) {
    }
}
