package io.switchboard.web;

import java.util.Optional;
import org.apache.camel.CamelContext;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Whether the hub takes API calls and callbacks. The web server listens before the Camel routes behind its paths
 * exist, and goes on listening while they stop, so without this a caller would meet 404s at both ends of the hub's
 * life instead of a 503 it knows to retry.
 */
@Component
public class HubLifecycle {

    private final CamelContext camel;
    private final ApplicationAvailability availability;
    private final ApplicationContext context;
    private volatile boolean closing;

    public HubLifecycle(CamelContext camel, ApplicationAvailability availability, ApplicationContext context) {
        this.camel = camel;
        this.availability = availability;
        this.context = context;
    }

    /** First of the listeners, so no call is let through once the shutdown began. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onClosing(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) {
            closing = true;
        }
    }

    /** Why the hub refuses calls now, or empty while it takes them. */
    public Optional<String> refusal() {
        if (closing || camel.getStatus().isStopping()) {
            return Optional.of("The hub is stopping");
        }
        if (!camel.getStatus().isStarted() || availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return Optional.of("The hub is starting");
        }
        return Optional.empty();
    }
}
