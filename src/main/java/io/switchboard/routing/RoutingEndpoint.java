package io.switchboard.routing;

import io.switchboard.model.Channel;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/routing} (operators only): the routing rules in force, and why the last change of the file was
 * refused, if it was.
 */
@Component
@Endpoint(id = "routing")
public class RoutingEndpoint {

    private final RoutingTable table;

    public RoutingEndpoint(RoutingTable table) {
        this.table = table;
    }

    @ReadOperation
    public Report report() {
        return new Report(table.rules().rules(), table.rules().defaults(), table.rules().failover(),
                table.lastRefusal());
    }

    /** @param refusal why the file's current content is not in force, or null when it is */
    public record Report(List<RoutingRules.Rule> rules, Map<Channel, String> defaults,
            RoutingRules.Failover failover, String refusal) {
    }
}
