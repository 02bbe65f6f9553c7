package io.switchboard.callback;

import io.switchboard.api.NotFoundException;
import io.switchboard.api.NotYetKnownException;
import io.switchboard.store.Leg;
import io.switchboard.store.MessageStore;
import org.springframework.stereotype.Component;

/**
 * The leg a carrier callback is about: named by the token in its callback URL (v5), or by the carrier's message id
 * once the callback's signature has proved which carrier sent it (Pinnacle, v1, Channels).
 */
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

    /**
     * The leg the carrier gave this id to. A carrier can call back before the dispatch that sent the leg has stored
     * the id, so an id not yet known is answered with 503 and the carrier's retry finds it.
     */
    public Leg ofCarrierMessage(String carrierId, String carrierMessageId) {
        if (carrierMessageId == null || carrierMessageId.isBlank()) {
            throw new NotFoundException("The callback names no message.");
        }
        return store.findLegByCarrierMessageId(carrierId, carrierMessageId)
                .orElseThrow(() -> new NotYetKnownException("Message " + carrierMessageId + " of carrier "
                        + carrierId + " is not known (yet)."));
    }
}
