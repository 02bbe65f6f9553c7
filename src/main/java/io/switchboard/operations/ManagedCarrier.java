package io.switchboard.operations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.switchboard.carrier.CarrierBreakers;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.Carriers;
import java.net.URI;

/** The {@link CarrierMBean} of one configured carrier. */
final class ManagedCarrier implements CarrierMBean {

    private final String id;
    private final Carriers carriers;
    private final CarrierBreakers breakers;

    ManagedCarrier(String id, Carriers carriers, CarrierBreakers breakers) {
        this.id = id;
        this.carriers = carriers;
        this.breakers = breakers;
    }

    @Override
    public String getDialect() {
        return carrier().dialect().id();
    }

    @Override
    public String getBaseUrl() {
        return SafeUrls.withoutCredentials(URI.create(carrier().baseUrl()));
    }

    @Override
    public String getBreakerState() {
        return figures().state();
    }

    @Override
    public float getFailureRate() {
        return figures().failureRate();
    }

    @Override
    public int getCalls() {
        return figures().calls();
    }

    @Override
    public int getFailedCalls() {
        return figures().failedCalls();
    }

    @Override
    public long getNotPermittedCalls() {
        return figures().notPermittedCalls();
    }

    @Override
    public String forceOpen() {
        breaker().transitionToForcedOpenState();
        return getBreakerState();
    }

    @Override
    public String forceClosed() {
        breaker().transitionToDisabledState();
        return getBreakerState();
    }

    @Override
    public String reset() {
        breaker().reset();
        return getBreakerState();
    }

    private CarrierConnector carrier() {
        return carriers.byId(id);
    }

    private CircuitBreaker breaker() {
        return breakers.of(carrier());
    }

    private BreakerFigures figures() {
        return BreakerFigures.of(breaker());
    }
}
