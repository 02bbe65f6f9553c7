package io.switchboard.operations;

import io.switchboard.web.HubLifecycle;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code hub} component of {@code /actuator/health/readiness}: out of service while the hub starts or stops,
 * with the reason, beside the broker ({@code jms}) and database ({@code db}) components.
 */
@Component("hub")
class HubReadinessIndicator implements HealthIndicator {

    private final HubLifecycle lifecycle;

    HubReadinessIndicator(HubLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Health health() {
        return lifecycle.refusal()
                .map(reason -> Health.outOfService().withDetail("reason", reason).build())
                .orElseGet(() -> Health.up().build());
    }
}
