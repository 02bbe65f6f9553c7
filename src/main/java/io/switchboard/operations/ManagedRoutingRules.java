package io.switchboard.operations;

import io.switchboard.routing.RoutingEndpoint;
import io.switchboard.routing.RoutingTable;
import java.util.List;
import java.util.Map;

/** The {@link RoutingRulesMBean}: {@code /actuator/routing}'s report, and the table's file. */
final class ManagedRoutingRules implements RoutingRulesMBean {

    private final RoutingTable table;
    private final RoutingEndpoint routing;
    private final JmxValues values;

    ManagedRoutingRules(RoutingTable table, RoutingEndpoint routing, JmxValues values) {
        this.table = table;
        this.routing = routing;
        this.values = values;
    }

    @Override
    public List<Map<String, Object>> getRules() {
        return values.each(routing.report().rules());
    }

    @Override
    public Map<String, Object> getDefaults() {
        return values.of(routing.report().defaults());
    }

    @Override
    public Map<String, Object> getFailover() {
        return values.of(routing.report().failover());
    }

    @Override
    public String getFile() {
        return table.file();
    }

    @Override
    public String getLoadedAt() {
        return table.loadedAt().toString();
    }

    @Override
    public String getRefusal() {
        String refusal = routing.report().refusal();
        return refusal == null ? "" : refusal;
    }

    @Override
    public String reload() {
        if (table.reload()) {
            return "Reloaded: " + rulesInForce();
        }
        String refusal = table.lastRefusal();
        if (refusal != null) {
            return "Refused, the rules loaded at " + table.loadedAt() + " stay: " + refusal;
        }
        return "Unchanged since " + table.loadedAt() + ": " + rulesInForce();
    }

    private String rulesInForce() {
        return table.rules().rules().size() + " rules from " + table.file();
    }
}
