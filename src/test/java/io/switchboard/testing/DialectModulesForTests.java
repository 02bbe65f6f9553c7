package io.switchboard.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.dialect.channels.ChannelsModule;
import io.switchboard.dialect.pinnacle.PinnacleModule;
import io.switchboard.dialect.pinnacle.PinnacleResponses;
import io.switchboard.dialect.pinnacle.PinnacleWebhookPayloads;
import io.switchboard.dialect.v1.V1Module;
import io.switchboard.dialect.v1.V1Responses;
import io.switchboard.dialect.v1.V1WebhookPayloads;
import io.switchboard.dialect.v5.V5Module;
import io.switchboard.dialect.v5.V5Responses;
import io.switchboard.dialect.v5.V5WebhookPayloads;
import io.switchboard.json.Json;
import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierSide;
import io.switchboard.module.DialectModule;
import io.switchboard.module.DialectModules;
import io.switchboard.pricing.Prices;
import io.switchboard.tenant.ApiKeyAuthenticator;
import io.switchboard.tenant.TenantProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The dialects' modules without a Spring context. */
public final class DialectModulesForTests {

    private static final Prices NO_PRICES = new Prices(
            new Prices.SmsSegmentPrices(BigDecimal.ZERO, BigDecimal.ZERO), BigDecimal.ZERO, BigDecimal.ZERO);

    private DialectModulesForTests() {
    }

    /** The dialects' carrier sides, for tests of the carrier side alone. */
    public static DialectModules carrierSides() {
        return new DialectModules(List.of(carrierSide(Dialect.V1, V1Module.CARRIER_SIDE),
                carrierSide(Dialect.V5, V5Module.CARRIER_SIDE),
                carrierSide(Dialect.PINNACLE, PinnacleModule.CARRIER_SIDE),
                carrierSide(Dialect.CHANNELS, ChannelsModule.CARRIER_SIDE)));
    }

    /**
     * Every dialect's module as its own bean method declares it, client APIs included (credential header,
     * authentication, error shapes, ingress routes), for these tenants' credentials. Pinnacle's webhooks read the
     * message back from a store these tests do not have: they render v1 and v5 webhooks only.
     */
    public static DialectModules withClientApis(ApiKeyAuthenticator apiKeys, Prices prices) {
        ObjectMapper mapper = Json.newMapper();
        return new DialectModules(List.of(
                new V1Module().v1DialectModule(new V1Responses(), apiKeys, new V1WebhookPayloads(mapper)),
                new V5Module().v5DialectModule(new V5Responses(), apiKeys, new V5WebhookPayloads(mapper)),
                new PinnacleModule().pinnacleDialectModule(new PinnacleResponses(prices), apiKeys,
                        new PinnacleWebhookPayloads(null, null, mapper)),
                new ChannelsModule().channelsDialectModule()));
    }

    /** {@link #withClientApis} for tests of v1's routes, which price nothing. */
    public static DialectModules withV1(TenantProperties tenants) {
        return withClientApis(new ApiKeyAuthenticator(tenants), NO_PRICES);
    }

    private static DialectModule carrierSide(Dialect dialect, CarrierSide side) {
        return new DialectModule(dialect, side, Optional.empty(), Optional.empty());
    }
}
