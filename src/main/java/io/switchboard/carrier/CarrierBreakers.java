package io.switchboard.carrier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * One Resilience4j circuit breaker per carrier, around its calls: a carrier that keeps failing is left alone for a
 * while, so its messages fail over (RCS, where the rule says so) or wait on the broker instead of piling timeouts on
 * it. Each breaker's state is a metric ({@code resilience4j.circuitbreaker.state}, tagged with the carrier id); Hawtio
 * shows it, and operators force it open or closed, on the carrier's MBean (operations package).
 */
@Component("carrierBreakers")
public class CarrierBreakers {

    private final CircuitBreakerRegistry registry;

    public CarrierBreakers(BreakerProperties properties, MeterRegistry meters) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRate())
                .slidingWindowSize(properties.window())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(properties.trialCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    /** The carrier's breaker, created on first use. */
    public CircuitBreaker of(CarrierConnector carrier) {
        return registry.circuitBreaker(carrier.id());
    }

    /** True when the breaker keeps this call away from the carrier; otherwise the call counts towards it. */
    public boolean refuses(CarrierConnector carrier) {
        return !of(carrier).tryAcquirePermission();
    }

    /** The carrier answered: accepted or refused, it is up, whatever it thought of the message. */
    public void answered(CarrierConnector carrier, CarrierOutcome outcome, long startedNanos) {
        long took = System.nanoTime() - startedNanos;
        if (outcome.verdict() == CarrierOutcome.Verdict.RETRY) {
            of(carrier).onError(took, TimeUnit.NANOSECONDS, new CarrierUnavailableException(outcome.reason()));
        } else {
            of(carrier).onSuccess(took, TimeUnit.NANOSECONDS);
        }
    }

    /** The call did not get an answer (timeout, connection refused). */
    public void unreachable(CarrierConnector carrier, Throwable failure, long startedNanos) {
        of(carrier).onError(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS, failure);
    }
}
