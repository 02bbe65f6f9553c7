package io.switchboard.testing;

import io.switchboard.store.Leg;
import io.switchboard.store.LegStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The leg store's reads, over the legs a test says the hub has sent, without a database: by leg id, and by the
 * carrier's message id of an answered leg. What a carrier callback finds its leg with.
 */
public class KnownLegs extends LegStore {

    private final List<Leg> legs = new ArrayList<>();

    public KnownLegs() {
        super(null, null, null);
    }

    /** The hub has sent this leg (and, when it has a carrier message id, heard the carrier's answer). */
    public KnownLegs sent(Leg leg) {
        legs.add(leg);
        return this;
    }

    @Override
    public Optional<Leg> findLeg(String legId) {
        return legs.stream().filter(leg -> leg.legId().equals(legId)).findFirst();
    }

    @Override
    public Optional<Leg> findLegByCarrierMessageId(String carrierId, String carrierMessageId) {
        return legs.stream().filter(leg -> leg.carrierId().equals(carrierId)
                && Objects.equals(leg.carrierMessageId(), carrierMessageId)).findFirst();
    }
}
