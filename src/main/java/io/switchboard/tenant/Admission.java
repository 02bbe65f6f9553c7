package io.switchboard.tenant;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.switchboard.api.RateLimitedException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The first step of every API route: who is calling (the dialect's own credentials) and whether they may call now
 * (a per-tenant request rate). A refused caller learns how long to wait.
 */
@Component("admission")
public class Admission {

    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final ApiKeyAuthenticator apiKeys;
    private final Map<String, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Integer> ratePerTenant = new ConcurrentHashMap<>();
    private final int defaultRate;

    public Admission(ApiKeyAuthenticator apiKeys, TenantProperties properties) {
        this.apiKeys = apiKeys;
        this.defaultRate = properties.rateLimit().requestsPerSecond();
        for (TenantProperties.TenantConfig tenant : properties.tenants()) {
            if (tenant.requestsPerSecond() != null) {
                ratePerTenant.put(tenant.id(), tenant.requestsPerSecond());
            }
        }
    }

    public Tenant v1(String authorization) {
        return admit(apiKeys.v1(authorization));
    }

    public Tenant pinnacle(String apiKey) {
        return admit(apiKeys.pinnacle(apiKey));
    }

    public Tenant v5(String authorization) {
        return admit(apiKeys.v5(authorization));
    }

    private Tenant admit(Tenant tenant) {
        AtomicRateLimiter limiter = limiters.computeIfAbsent(tenant.id(), id -> new AtomicRateLimiter(id,
                RateLimiterConfig.custom()
                .limitForPeriod(ratePerTenant.getOrDefault(id, defaultRate))
                .limitRefreshPeriod(PERIOD)
                .timeoutDuration(Duration.ZERO)
                .build()));
        if (!limiter.acquirePermission()) {
            long nanosToWait = limiter.getDetailedMetrics().getNanosToWait();
            throw new RateLimitedException(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999)));
        }
        return tenant;
    }
}
