package io.switchboard.operations;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.switchboard.webhook.WebhookEndpoints;
import java.util.List;
import java.util.Map;

/** The {@link WebhookEndpointsMBean}. */
final class ManagedWebhookEndpoints implements WebhookEndpointsMBean {

    private final WebhookEndpoints endpoints;
    private final JmxValues values;

    ManagedWebhookEndpoints(WebhookEndpoints endpoints, JmxValues values) {
        this.endpoints = endpoints;
        this.values = values;
    }

    @Override
    public List<Map<String, Object>> getEndpoints() {
        return values.each(endpoints.breakers().stream()
                .map(breaker -> new EndpointBreaker(breaker.getName(), BreakerFigures.of(breaker))).toList());
    }

    @Override
    public String forceOpen(String endpoint) {
        CircuitBreaker breaker = breaker(endpoint);
        breaker.transitionToForcedOpenState();
        return breaker.getState().name();
    }

    @Override
    public String forceClosed(String endpoint) {
        CircuitBreaker breaker = breaker(endpoint);
        breaker.transitionToDisabledState();
        return breaker.getState().name();
    }

    @Override
    public String reset(String endpoint) {
        CircuitBreaker breaker = breaker(endpoint);
        breaker.reset();
        return breaker.getState().name();
    }

    private CircuitBreaker breaker(String endpoint) {
        List<CircuitBreaker> breakers = endpoints.breakers();
        return breakers.stream().filter(breaker -> breaker.getName().equals(endpoint)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No webhook endpoint '" + endpoint
                        + "' has a breaker; those that have: "
                        + breakers.stream().map(CircuitBreaker::getName).toList()));
    }

    record EndpointBreaker(String endpoint, @JsonUnwrapped BreakerFigures breaker) {
    }
}
