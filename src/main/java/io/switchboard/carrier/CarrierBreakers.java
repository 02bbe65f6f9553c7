package io.switchboard.carrier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.springframework.stereotype.Component;

/**
 * One Resilience4j circuit breaker per carrier, around its calls: a carrier that keeps failing is left alone for a
 * while, so its messages fail over (RCS, where the rule says so) or wait on the broker instead of piling timeouts on
 * it. Each breaker's state is a metric ({@code resilience4j.circuitbreaker.state}, tagged with the carrier id) and
 * an MBean ({@code io.switchboard:type=CarrierBreaker,name=<carrier>}) that Hawtio shows.
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
        registry.getEventPublisher().onEntryAdded(added -> expose(added.getAddedEntry()));
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

    private static void expose(CircuitBreaker breaker) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName("io.switchboard:type=CarrierBreaker,name=" + ObjectName.quote(
                    breaker.getName()));
            if (!server.isRegistered(name)) {
                server.registerMBean(new StandardMBean(new CarrierBreakerView(breaker), CarrierBreakerViewMBean.class),
                        name);
            }
        } catch (JMException e) {
            throw new IllegalStateException("Cannot expose the breaker of " + breaker.getName(), e);
        }
    }

    /** The breaker as Hawtio shows it. */
    public interface CarrierBreakerViewMBean {

        String getState();

        float getFailureRate();

        int getBufferedCalls();

        long getNotPermittedCalls();
    }

    static final class CarrierBreakerView implements CarrierBreakerViewMBean {

        private final CircuitBreaker breaker;

        CarrierBreakerView(CircuitBreaker breaker) {
            this.breaker = breaker;
        }

        @Override
        public String getState() {
            return breaker.getState().name();
        }

        @Override
        public float getFailureRate() {
            return breaker.getMetrics().getFailureRate();
        }

        @Override
        public int getBufferedCalls() {
            return breaker.getMetrics().getNumberOfBufferedCalls();
        }

        @Override
        public long getNotPermittedCalls() {
            return breaker.getMetrics().getNumberOfNotPermittedCalls();
        }
    }
}
