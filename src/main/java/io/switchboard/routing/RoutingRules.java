package io.switchboard.routing;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.Lists;
import io.switchboard.model.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The routing table of {@code config/routing.yaml}: rules tried in order, the first that matches names the carrier
 * and, for RCS, how the message fails over; a message no rule matches goes to its channel's default carrier with the
 * default failover.
 *
 * @param defaults the carrier for each channel when no rule matches; a channel without one cannot be sent
 * @param failover the failover of a rule that names none, and of messages no rule matches
 */
public record RoutingRules(List<Rule> rules, Map<Channel, String> defaults, Failover failover) {

    /** The rule id of a route no rule matched. */
    public static final String DEFAULT_RULE = "default";

    public RoutingRules {
        rules = Lists.immutable(rules);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        failover = failover == null ? Failover.NONE : failover;
    }

    /** The route of the message, or null when neither a rule nor a default names a carrier for it. */
    public Route routeFor(Message message) {
        for (Rule rule : rules) {
            if (rule.match().matches(message)) {
                return new Route(rule.id(), rule.carrier(), rule.failover() == null ? failover : rule.failover());
            }
        }
        String carrier = defaults.get(message.channel());
        return carrier == null ? null : new Route(DEFAULT_RULE, carrier, failover);
    }

    /**
     * One row of the table; {@code id} names it in the refusal of an invalid routing file, in the decision a leg
     * keeps, and in the failure of a message the rule's carrier cannot carry.
     */
    public record Rule(String id, Match match, String carrier, Failover failover) {

        public Rule {
            match = match == null ? Match.ANYTHING : match;
        }
    }

    /**
     * What the routing table decided for a message.
     *
     * @param rule    the id of the rule that matched, or {@value #DEFAULT_RULE}
     * @param carrier the id of the carrier that sends the message
     */
    public record Route(String rule, String carrier, Failover failover) {
    }

    /**
     * How an RCS message reaches the recipient when RCS does not: the SMS or MMS leg (the client's own, else the RCS
     * content transcoded) goes to the first carrier of {@code chain} that carries that channel.
     *
     * @param mode  who runs the failover
     * @param ttl   how long RCS may take to be delivered before the hub fails over; null waits for the carrier's
     *              verdict only. A message's own time-to-live, when shorter, wins.
     * @param chain the carriers to try for the failover leg, in order; each may be limited to one channel
     */
    public record Failover(FailoverMode mode, Duration ttl, List<FailoverStep> chain) {

        static final Failover NONE = new Failover(FailoverMode.NONE, null, List.of());

        public Failover {
            mode = mode == null ? FailoverMode.HUB : mode;
            chain = Lists.immutable(chain);
        }
    }

    public enum FailoverMode {
        /** The hub sends the failover leg itself, through the chain's carrier. */
        HUB,
        /** The RCS carrier gets the failover leg with the message and sends it itself (v5, Pinnacle). */
        CARRIER,
        /** RCS that does not arrive fails. */
        NONE
    }

    /** A carrier of the failover chain; {@code channel} (SMS or MMS), when given, limits it to legs of that channel. */
    public record FailoverStep(String carrier, Channel channel) {
    }

    /**
     * What a rule matches. Every condition given must hold; within one condition any listed value will do. A rule
     * without conditions matches every message.
     *
     * @param channel         the channel the content needs: RCS for rich content, MMS for media, SMS for text
     * @param recipientPrefix the start of the recipient's E.164 number, such as {@code +49}
     * @param tenant          the tenant id
     * @param sender          the sender (RCS agent or phone number), exactly
     * @param sourceDialect   the dialect the message arrived in
     */
    public record Match(List<Channel> channel, List<String> recipientPrefix, List<String> tenant,
            List<String> sender, List<Dialect> sourceDialect) {

        static final Match ANYTHING = new Match(null, null, null, null, null);

        public Match {
            channel = Lists.immutable(channel);
            recipientPrefix = Lists.immutable(recipientPrefix);
            tenant = Lists.immutable(tenant);
            sender = Lists.immutable(sender);
            sourceDialect = Lists.immutable(sourceDialect);
        }

        boolean matches(Message message) {
            return (channel.isEmpty() || channel.contains(message.channel()))
                    && (recipientPrefix.isEmpty() || recipientPrefix.stream().anyMatch(message.recipient()::startsWith))
                    && (tenant.isEmpty() || tenant.contains(message.tenantId()))
                    && (sender.isEmpty() || sender.contains(message.sender()))
                    && (sourceDialect.isEmpty() || sourceDialect.contains(message.sourceDialect()));
        }
    }
}
