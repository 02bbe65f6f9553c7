package io.switchboard.tenant;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tenants and their per-dialect credentials, from {@code switchboard.tenants} in {@code config/}. In the prod
 * profile every secret comes from the environment.
 */
@ConfigurationProperties("switchboard")
public record TenantProperties(List<TenantConfig> tenants, RateLimit rateLimit) {

    public TenantProperties {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        rateLimit = rateLimit == null ? new RateLimit(200) : rateLimit;
    }

    /** @param requestsPerSecond API requests a tenant may make per second, unless its own setting says otherwise */
    public record RateLimit(int requestsPerSecond) {
    }

    /**
     * @param requestsPerSecond this tenant's API requests per second; null for {@code switchboard.rate-limit}
     * @param v1ApiKey       the Bearer key for {@code /v1/*}
     * @param pinnacleApiKey the {@code PINNACLE-API-KEY} for {@code /messages/*}
     * @param v5Username     the HTTP Basic user for {@code /v5/*}
     * @param v5Password     the HTTP Basic password for {@code /v5/*}
     */
    public record TenantConfig(String id, String name, Integer requestsPerSecond, String v1ApiKey,
            String pinnacleApiKey, String v5Username, String v5Password) {
    }
}
