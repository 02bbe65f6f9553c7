package io.switchboard.carrier;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import java.time.Duration;
import java.util.Set;

/**
 * A carrier as the routes use it: where its API is, how to authenticate, which channels it carries.
 *
 * @param baseUrl       the carrier's API root, resolved (a sandbox path becomes this hub's loopback URL)
 * @param authorization the value of the dialect's credential header ({@code Authorization} for v5, v1 and Channels,
 *                      {@code PINNACLE-API-KEY} for Pinnacle); never logged
 * @param workspaceId   Channels workspace, else null
 * @param channelId     Channels channel, else null
 * @param signingSecret what the carrier's callbacks are signed with; never logged
 * @param smsSender     the number SMS and MMS go out from in place of an RCS agent, or null
 * @param agentId       the Pinnacle agent RCS goes out from in place of another dialect's sender, or null
 */
public record CarrierConnector(String id, Dialect dialect, String baseUrl, String authorization, String workspaceId,
        String channelId, String signingSecret, String smsSender, String agentId, Duration connectTimeout,
        Duration readTimeout, int maxConnections, Duration capabilityTtl) {

    /** The channels a carrier of this dialect can carry; other content is transcoded or refused. */
    public Set<Channel> channels() {
        return switch (dialect) {
            case V5 -> Set.of(Channel.RCS);
            case V1 -> Set.of(Channel.RCS, Channel.SMS);
            case PINNACLE -> Set.of(Channel.RCS, Channel.SMS, Channel.MMS);
            case CHANNELS -> Set.of(Channel.SMS, Channel.MMS);
        };
    }

    public boolean carries(Channel channel) {
        return channels().contains(channel);
    }

    /**
     * The {@code carrier-http} endpoint for a path under the base URL, such as {@code /messages}. Each endpoint keeps
     * its own pool of at most {@code maxConnections} connections; non-2xx answers come back as responses for the
     * carrier's route to read rather than as exceptions.
     */
    public String uri(String path) {
        return CarrierHttpConfiguration.COMPONENT + ":" + baseUrl + path
                + "?throwExceptionOnFailure=false"
                + "&connectTimeout=" + connectTimeout.toMillis()
                + "&responseTimeout=" + readTimeout.toMillis()
                + "&maxTotalConnections=" + maxConnections
                + "&connectionsPerRoute=" + maxConnections;
    }

    @Override
    public String toString() {
        return "CarrierConnector[id=" + id + ", dialect=" + dialect + ", baseUrl=" + baseUrl + "]";
    }
}
