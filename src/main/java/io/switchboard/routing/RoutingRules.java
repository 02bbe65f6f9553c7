package io.switchboard.routing;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.Lists;
import io.switchboard.model.Message;
import java.util.List;
import java.util.Map;

/**
 * The routing table of {@code config/routing.yaml}: rules tried in order, the first that matches names the carrier;
 * a message no rule matches goes to its channel's default carrier.
 *
 * @param defaults the carrier for each channel when no rule matches; a channel without one cannot be sent
 */
public record RoutingRules(List<Rule> rules, Map<Channel, String> defaults) {

    public RoutingRules {
        rules = Lists.immutable(rules);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }

    /** The carrier id for the message, or null when neither a rule nor a default names one. */
    public String carrierFor(Message message) {
        for (Rule rule : rules) {
            if (rule.match().matches(message)) {
                return rule.carrier();
            }
        }
        return defaults.get(message.channel());
    }

    /** One row of the table; {@code id} names it in logs and errors. */
    public record Rule(String id, Match match, String carrier) {

        public Rule {
            match = match == null ? Match.ANYTHING : match;
        }
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
