package io.switchboard.carrier;

import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierCredentials;
import io.switchboard.module.CarrierSide;
import io.switchboard.module.DialectModules;
import io.switchboard.net.HubAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The configured carriers. */
@Component("carriers")
public class Carriers {

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
    private static final int DEFAULT_MAX_CONNECTIONS = 20;
    private static final Duration DEFAULT_CAPABILITY_TTL = Duration.ofMinutes(10);

    private final Map<String, CarrierProperties.CarrierConfig> configs = new LinkedHashMap<>();
    private final Map<String, CarrierConnector> connectors = new ConcurrentHashMap<>();
    private final HubAddress hub;
    private final DialectModules dialects;

    public Carriers(CarrierProperties properties, HubAddress hub, DialectModules dialects) {
        this.hub = hub;
        this.dialects = dialects;
        for (CarrierProperties.CarrierConfig carrier : properties.carriers()) {
            if (Boolean.FALSE.equals(carrier.enabled())) {
                continue;
            }
            if (carrier.id() == null || carrier.dialect() == null || carrier.baseUrl() == null) {
                throw new IllegalStateException("Every entry of switchboard.carriers needs an id, a dialect and a "
                        + "base-url; " + carrier.id() + " lacks one");
            }
            requireCredentials(carrier);
            if (configs.put(carrier.id(), carrier) != null) {
                throw new IllegalStateException("Two carriers have the id " + carrier.id());
            }
        }
    }

    /** The carrier a routing decision names, or null when it names none. */
    public CarrierConnector named(String id) {
        return id == null ? null : byId(id);
    }

    /** The carrier with this id. */
    public CarrierConnector byId(String id) {
        CarrierConnector known = connectors.get(id);
        if (known != null) {
            return known;
        }
        CarrierProperties.CarrierConfig config = configs.get(id);
        if (config == null) {
            throw new IllegalArgumentException("No carrier '" + id + "' is configured");
        }
        // made on first use: a carrier on this hub (the sandbox) has an address once the web server has started
        return connectors.computeIfAbsent(id, unknown -> connector(config));
    }

    /** The ids of the configured carriers, in the order of {@code switchboard.carriers}. */
    public List<String> ids() {
        return List.copyOf(configs.keySet());
    }

    /** Every configured carrier that speaks the dialect, such as the candidates a callback may come from. */
    public List<CarrierConnector> ofDialect(Dialect dialect) {
        return configs.values().stream().filter(config -> config.dialect() == dialect)
                .map(config -> byId(config.id())).toList();
    }

    private CarrierConnector connector(CarrierProperties.CarrierConfig config) {
        CarrierSide dialect = dialects.of(config.dialect()).carrierSide();
        return new CarrierConnector(config.id(), config.dialect(), dialect.capabilities(),
                hub.resolve(config.baseUrl()).toString(), dialect.authorization(credentials(config)),
                config.workspaceId(), config.channelId(), config.signingSecret(), config.smsSender(), config.agentId(),
                orDefault(config.connectTimeout(), DEFAULT_CONNECT_TIMEOUT),
                orDefault(config.readTimeout(), DEFAULT_READ_TIMEOUT),
                config.maxConnections() == null ? DEFAULT_MAX_CONNECTIONS : config.maxConnections(),
                orDefault(config.capabilityTtl(), DEFAULT_CAPABILITY_TTL));
    }

    private void requireCredentials(CarrierProperties.CarrierConfig carrier) {
        List<String> missing = dialects.of(carrier.dialect()).carrierSide().missingCredentials(credentials(carrier));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Carrier " + carrier.id() + " (" + carrier.dialect().id()
                    + ") lacks " + String.join(", ", missing));
        }
    }

    private static CarrierCredentials credentials(CarrierProperties.CarrierConfig config) {
        return new CarrierCredentials(config.username(), config.password(), config.apiKey(), config.accessKey(),
                config.signingSecret(), config.workspaceId(), config.channelId());
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
