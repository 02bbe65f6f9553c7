package io.switchboard.operations;

import java.util.List;
import java.util.Map;

/** {@code io.switchboard:type=RoutingRules}: the routing rules in force, as {@code /actuator/routing} shows them. */
@Description("The routing rules in force: which carrier sends each message, and how RCS fails over")
public interface RoutingRulesMBean {

    @Description("The rules, tried in order; the first whose match holds names the carrier and the failover")
    List<Map<String, Object>> getRules();

    @Description("The carrier of each channel for a message no rule matches")
    Map<String, Object> getDefaults();

    @Description("The failover of a rule that names none, and of a message no rule matches")
    Map<String, Object> getFailover();

    @Description("The file the rules come from (switchboard.routing.file)")
    String getFile();

    @Description("When the rules in force were read from the file")
    String getLoadedAt();

    @Description("Why the file's current content is not in force; empty when it is")
    String getRefusal();

    @Description("Reads the file now if it changed since it was read, as the hub does every"
            + " switchboard.routing.reload-period; invalid rules are refused and those in force stay. Says what"
            + " happened.")
    String reload();
}
