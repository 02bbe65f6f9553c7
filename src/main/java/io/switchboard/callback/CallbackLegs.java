package io.switchboard.callback;

import io.switchboard.api.NotFoundException;
import io.switchboard.store.Leg;
import io.switchboard.store.MessageStore;
import org.springframework.stereotype.Component;

/** The leg a carrier callback is about, once its callback token checks out. */
@Component("callbackLegs")
public class CallbackLegs {

    private final CallbackTokens tokens;
    private final MessageStore store;

    public CallbackLegs(CallbackTokens tokens, MessageStore store) {
        this.tokens = tokens;
        this.store = store;
    }

    public Leg verified(String legId, String token) {
        String verifiedLegId = tokens.verify(legId, token);
        return store.findLeg(verifiedLegId)
                .orElseThrow(() -> new NotFoundException("No message leg " + verifiedLegId));
    }
}
