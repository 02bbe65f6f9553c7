package io.switchboard.callback;

import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.api.NotFoundException;
import io.switchboard.api.NotYetKnownException;
import io.switchboard.store.Leg;
import io.switchboard.store.LegStore;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The leg a carrier callback is about: named by the token in its callback URL (v5), or by the carrier's message id
 * once the callback's signature has proved which carrier sent it (Pinnacle, v1, Channels).
 */
@Component("callbackLegs")
public class CallbackLegs {

    /**
     * The longest carrier message id the hub keeps ({@code message_legs.carrier_message_id}). A callback naming a
     * longer one cannot be about a leg the hub sent, and the id would become part of its event's broker duplicate id,
     * a header the broker refuses beyond its size limit; so such a callback is refused with 400 before the id is
     * looked up or published.
     */
    public static final int MAX_CARRIER_MESSAGE_ID = 128;

    private final CallbackTokens tokens;
    private final LegStore store;

    public CallbackLegs(CallbackTokens tokens, LegStore store) {
        this.tokens = tokens;
        this.store = store;
    }

    /**
     * @param field where the callback holds the id, in the dialect's own terms
     * @return the id, when it is one the hub could have stored
     * @throws InvalidRequestException when it is longer than {@value #MAX_CARRIER_MESSAGE_ID} characters
     */
    public static String storable(FieldPath field, String carrierMessageId) {
        if (carrierMessageId != null && carrierMessageId.length() > MAX_CARRIER_MESSAGE_ID) {
            throw new InvalidRequestException(List.of(new FieldError(field,
                    "must be at most " + MAX_CARRIER_MESSAGE_ID + " characters")));
        }
        return carrierMessageId;
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
