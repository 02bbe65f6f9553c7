package io.switchboard.testing;

import io.switchboard.dialect.channels.ChannelsModule;
import io.switchboard.dialect.pinnacle.PinnacleModule;
import io.switchboard.dialect.pinnacle.PinnacleResponses;
import io.switchboard.dialect.v1.V1Module;
import io.switchboard.dialect.v1.V1Responses;
import io.switchboard.dialect.v1.V1WebhookPayloads;
import io.switchboard.dialect.v5.V5Module;
import io.switchboard.dialect.v5.V5Responses;
import io.switchboard.json.Json;
import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierSide;
import io.switchboard.module.DialectModule;
import io.switchboard.module.DialectModules;
import io.switchboard.pricing.Prices;
import io.switchboard.tenant.ApiKeyAuthenticator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;

/** The dialects' modules without a Spring context. */
public final class DialectModulesForTests {

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
     * authentication, error shapes, ingress routes), for these tenants' credentials.
     */
    public static DialectModules withClientApis(ApiKeyAuthenticator apiKeys, Prices prices) {
        return new DialectModules(List.of(
                declared(V1Module.class, new V1Responses(), apiKeys, new V1WebhookPayloads(Json.newMapper())),
                declared(V5Module.class, new V5Responses(), apiKeys),
                declared(PinnacleModule.class, new PinnacleResponses(prices), apiKeys),
                declared(ChannelsModule.class)));
    }

    private static DialectModule carrierSide(Dialect dialect, CarrierSide side) {
        return new DialectModule(dialect, side, Optional.empty(), Optional.empty());
    }

    /** Calls the configuration's DialectModule bean method, package-private as Spring allows, with these beans. */
    private static DialectModule declared(Class<?> configuration, Object... beans) {
        Method bean = Arrays.stream(configuration.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Bean.class))
                .filter(method -> method.getReturnType() == DialectModule.class)
                .findFirst().orElseThrow(() -> new IllegalStateException(configuration + " declares no module"));
        bean.setAccessible(true);
        try {
            return (DialectModule) bean.invoke(configuration.getDeclaredConstructor().newInstance(), beans);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(configuration + " could not make its module", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(configuration + " could not make its module", e);
        }
    }
}
