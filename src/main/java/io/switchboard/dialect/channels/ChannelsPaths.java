package io.switchboard.dialect.channels;

import io.switchboard.carrier.CarrierConnector;
import org.springframework.stereotype.Component;

/** The Channels API endpoints of a carrier's workspace and channel, as {@code carrier-http} URIs. */
@Component("channelsPaths")
public class ChannelsPaths {

    /** {@code POST}: send a message through the carrier's channel. */
    public String messagesUri(CarrierConnector carrier) {
        return carrier.uri(channelPath(carrier) + "/messages");
    }

    /** {@code GET}: the carrier's channel, with its capabilities. */
    public String channelUri(CarrierConnector carrier) {
        return carrier.uri(channelPath(carrier));
    }

    private static String channelPath(CarrierConnector carrier) {
        return "/workspaces/" + carrier.workspaceId() + "/channels/" + carrier.channelId();
    }
}
