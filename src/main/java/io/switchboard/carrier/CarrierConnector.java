package io.switchboard.carrier;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierCapabilities;
import java.time.Duration;

/**
 * A carrier as the routes use it: where its API is, how to authenticate, which channels it carries.
 *
 * @param capabilities  what its dialect's carriers can take
 * @param baseUrl       the carrier's API root, resolved (a sandbox path becomes this hub's loopback URL)
 * @param authorization the value of the dialect's credential header ({@code Authorization} for v5, v1 and Channels,
 *                      {@code PINNACLE-API-KEY} for Pinnacle); never logged
 * @param workspaceId   Channels workspace, else null
 * @param channelId     Channels channel, else null
 * @param signingSecret what the carrier's callbacks are signed with; never logged
 * @param smsSender     the number SMS and MMS go out from in place of an RCS agent, or null
 * @param agentId       the Pinnacle agent RCS goes out from in place of another dialect's sender, or null
 */
public record CarrierConnector(String id, Dialect dialect, CarrierCapabilities capabilities, String baseUrl,
        String authorization, String workspaceId, String channelId, String signingSecret, String smsSender,
        String agentId, Duration connectTimeout, Duration readTimeout, int maxConnections, Duration capabilityTtl) {

    public boolean carries(Channel channel) {
        return capabilities.carries(channel);
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
