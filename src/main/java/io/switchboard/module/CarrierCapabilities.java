package io.switchboard.module;

import io.switchboard.model.Channel;
import java.util.Set;

/**
 * What a carrier of one dialect can take.
 *
 * @param channels         the channels it carries; other content is transcoded or refused
 * @param templates        true when it keeps message templates a message can name (template content)
 * @param takesFailoverLeg true when its RCS send takes an SMS/MMS leg the carrier sends itself (v5
 *                         {@code smsFailover}, Pinnacle {@code fallback}), so a routing rule can hand failover to it
 */
public record CarrierCapabilities(Set<Channel> channels, boolean templates, boolean takesFailoverLeg) {

    public CarrierCapabilities {
        channels = Set.copyOf(channels);
    }

    public boolean carries(Channel channel) {
        return channels.contains(channel);
    }
}
