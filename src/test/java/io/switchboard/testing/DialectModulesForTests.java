package io.switchboard.testing;

import io.switchboard.dialect.channels.ChannelsModule;
import io.switchboard.dialect.pinnacle.PinnacleModule;
import io.switchboard.dialect.v1.V1Module;
import io.switchboard.dialect.v1.V1ModuleForTests;
import io.switchboard.dialect.v5.V5Module;
import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierSide;
import io.switchboard.module.DialectModule;
import io.switchboard.module.DialectModules;
import io.switchboard.tenant.TenantProperties;
import java.util.List;
import java.util.Optional;

/** The dialects' modules without a Spring context: their carrier sides, and v1's client side where a test asks. */
public final class DialectModulesForTests {

    private DialectModulesForTests() {
    }

    public static DialectModules carrierSides() {
        return with(carrierSide(Dialect.V1, V1Module.CARRIER_SIDE));
    }

    /**
     * The carrier sides, with v1's client API and webhooks as the hub builds them, for tests of the v1 routes alone.
     *
     * @param tenants whose v1 API keys the client API admits
     */
    public static DialectModules withV1(TenantProperties tenants) {
        return with(V1ModuleForTests.module(tenants));
    }

    private static DialectModules with(DialectModule v1) {
        return new DialectModules(List.of(v1, carrierSide(Dialect.V5, V5Module.CARRIER_SIDE),
                carrierSide(Dialect.PINNACLE, PinnacleModule.CARRIER_SIDE),
                carrierSide(Dialect.CHANNELS, ChannelsModule.CARRIER_SIDE)));
    }

    private static DialectModule carrierSide(Dialect dialect, CarrierSide side) {
        return new DialectModule(dialect, side, Optional.empty(), Optional.empty());
    }
}
