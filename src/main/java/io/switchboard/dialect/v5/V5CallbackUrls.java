package io.switchboard.dialect.v5;

import io.switchboard.callback.CallbackTokens;
import io.switchboard.net.HubAddress;
import org.springframework.stereotype.Component;

/** The {@code callbackURL} the hub gives a v5 carrier for one leg: {@code /callbacks/v5?leg=…&token=…}. */
@Component
public class V5CallbackUrls {

    private final HubAddress hub;
    private final CallbackTokens tokens;

    public V5CallbackUrls(HubAddress hub, CallbackTokens tokens) {
        this.hub = hub;
        this.tokens = tokens;
    }

    public String forLeg(String legId) {
        return hub.publicBaseUrl() + "/callbacks/v5?leg=" + legId + "&token=" + tokens.tokenFor(legId);
    }
}
