package io.switchboard.testing;

import io.switchboard.dialect.channels.ChannelsModule;
import io.switchboard.dialect.pinnacle.PinnacleModule;
import io.switchboard.dialect.v1.V1Module;
import io.switchboard.dialect.v5.V5Module;
import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierSide;
import io.switchboard.module.DialectModule;
import io.switchboard.module.DialectModules;
import java.util.List;
import java.util.Optional;

/** The dialects' carrier sides without a Spring context, for tests of the carrier side alone. */
public final class DialectModulesForTests {

    private DialectModulesForTests() {
    }

    public static DialectModules carrierSides() {
        return new DialectModules(List.of(carrierSide(Dialect.V1, V1Module.CARRIER_SIDE),
                carrierSide(Dialect.V5, V5Module.CARRIER_SIDE),
                carrierSide(Dialect.PINNACLE, PinnacleModule.CARRIER_SIDE),
                carrierSide(Dialect.CHANNELS, ChannelsModule.CARRIER_SIDE)));
    }

    private static DialectModule carrierSide(Dialect dialect, CarrierSide side) {
        return new DialectModule(dialect, side, Optional.empty(), Optional.empty());
    }
}
