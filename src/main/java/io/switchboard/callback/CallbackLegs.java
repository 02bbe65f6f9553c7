package io.switchboard.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.api.NotFoundException;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.store.Leg;
import io.switchboard.store.LegStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The leg a carrier callback is about: named by the token in its callback URL (v5), or by the carrier's message id
 * once the callback's signature has proved which carrier sent it (Pinnacle, v1, Channels). A carrier can call back
 * before the dispatch that sent the leg has stored its id: such a callback is taken and parked as an
 * {@link UnmatchedCallback} until the id is known, since a carrier that is refused gives up after its own retries.
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
    private final Clock clock;

    public CallbackLegs(CallbackTokens tokens, LegStore store, Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.clock = clock;
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
     * The leg the carrier gave this id to.
     *
     * @return the leg, or null while the dispatch that sent it has not stored the carrier's id
     * @throws NotFoundException when the callback names no message
     */
    public Leg ofCarrierMessage(String carrierId, String carrierMessageId) {
        return named(List.of(carrierId), carrierMessageId, null);
    }

    /**
     * The leg a callback names: by the carrier's message id with one of the carriers that may have sent it, else by
     * the leg id the callback carries itself, when that leg is one of those carriers'.
     *
     * @param legId the leg id in the callback (a Channels reference), or null
     * @return the leg, or null while none is known
     * @throws NotFoundException when the callback names no message
     */
    public Leg named(List<String> carrierIds, String carrierMessageId, String legId) {
        if (carrierMessageId == null || carrierMessageId.isBlank()) {
            throw new NotFoundException("The callback names no message.");
        }
        return carrierIds.stream()
                .map(carrierId -> store.findLegByCarrierMessageId(carrierId, carrierMessageId))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> Optional.ofNullable(legId).flatMap(store::findLeg)
                        .filter(leg -> carrierIds.contains(leg.carrierId())))
                .orElse(null);
    }

    /** The leg of a parked callback, or null while none is known. */
    public Leg ofUnmatched(UnmatchedCallback parked) {
        return named(parked.carrierIds(), parked.carrierMessageId(), parked.legId());
    }

    /** A callback the carrier proved it sent, about its message of this id, which no leg has yet. */
    public UnmatchedCallback unmatched(CarrierConnector carrier, String carrierMessageId, JsonNode callback) {
        return new UnmatchedCallback(carrier.dialect(), List.of(carrier.id()), carrierMessageId, null, callback,
                clock.instant());
    }
}
