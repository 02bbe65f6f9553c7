package io.switchboard.carrier;

import io.switchboard.model.Dialect;

/**
 * A carrier as the dispatch route uses it.
 *
 * @param messagesUrl   where message sends go, with the camel-http options for this carrier
 * @param authorization the {@code Authorization} header value; never logged
 */
public record CarrierConnector(String id, Dialect dialect, String messagesUrl, String authorization) {

    @Override
    public String toString() {
        return "CarrierConnector[id=" + id + ", dialect=" + dialect + ", messagesUrl=" + messagesUrl + "]";
    }
}
