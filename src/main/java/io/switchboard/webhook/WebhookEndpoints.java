package io.switchboard.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Keeps one webhook endpoint's trouble its own. Every delivery consumer posts to any subscriber, so without limits a
 * dead endpoint's retries (each waiting out the connect or response timeout) would take every consumer and delay all
 * other subscribers' webhooks. Each endpoint (host and port) gets a share of posts in flight and a circuit breaker that
 * counts failed and slow posts; a delivery to an endpoint whose breaker is open, or whose whole share is in flight,
 * fails (after at most {@code max-wait}) and goes back to the broker for a later attempt, as a failed post does.
 */
@Component("webhookEndpoints")
public class WebhookEndpoints {

    private final int maxConcurrent;
    private final Duration maxWait;
    private final CircuitBreakerRegistry breakers;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    public WebhookEndpoints(WebhookEndpointProperties properties) {
        this.maxConcurrent = properties.maxConcurrent();
        this.maxWait = properties.maxWait();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRate())
                .slowCallRateThreshold(properties.failureRate())
                .slowCallDurationThreshold(properties.slowCall())
                .slidingWindowSize(properties.window())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
    }

    /**
     * A post this webhook may make now; give it back with {@link #finish}. A busy endpoint's delivery waits up to
     * {@code max-wait} for one of its posts to end. The default is no wait: a consumer waiting on a hanging endpoint
     * is a consumer the other endpoints lose, and with a dead subscriber half the deliveries each held one for the
     * whole wait (see BENCHMARKS.md).
     *
     * @throws WebhookEndpointUnavailableException when the endpoint's breaker is open or its share stays in flight
     */
    public Attempt admit(SignedWebhook webhook) throws InterruptedException {
        String endpoint = endpointOf(webhook.url());
        CircuitBreaker breaker = breakers.circuitBreaker(endpoint);
        if (!breaker.tryAcquirePermission()) {
            throw new WebhookEndpointUnavailableException(endpoint + " keeps failing or answering slowly; its breaker"
                    + " is " + breaker.getState());
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

    /** The endpoint a URL posts to; never its path or credentials, which may hold a subscriber's secrets. */
    static String endpointOf(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }

    /** One admitted post. */
    public record Attempt(String endpoint, CircuitBreaker breaker, Semaphore slots, long startedNanos) {
    }
}
