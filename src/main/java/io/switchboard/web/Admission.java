package io.switchboard.web;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.switchboard.api.RateLimitedException;
import io.switchboard.module.ClientApi;
import io.switchboard.module.DialectModules;
import io.switchboard.tenant.Tenant;
import io.switchboard.tenant.TenantProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * What every client API route does first: who is calling (the dialect's own credentials) and whether they may call
 * now (a per-tenant request rate). A refused caller learns how long to wait.
 */
@Component("admission")
public class Admission {

    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final DialectModules dialects;
    private final Map<String, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Integer> ratePerTenant = new ConcurrentHashMap<>();
    private final int defaultRate;

    public Admission(DialectModules dialects, TenantProperties properties) {
        this.dialects = dialects;
        this.defaultRate = properties.rateLimit().requestsPerSecond();
        for (TenantProperties.TenantConfig tenant : properties.tenants()) {
            if (tenant.requestsPerSecond() != null) {
                ratePerTenant.put(tenant.id(), tenant.requestsPerSecond());
            }
        }
    }

    /**
     * The tenant behind the request's credential, if it may call now.
     *
     * @param dialectId the dialect of the API called, such as {@code v1}
     * @param headers   the request's headers, where the dialect's credential header is looked up
     */
    public Tenant admit(String dialectId, Map<String, Object> headers) {
        ClientApi api = dialects.clientApi(dialectId).orElseThrow(() -> new IllegalStateException(
                "A client API route's group names its dialect; '" + dialectId + "' has no client API"));
        Object credential = headers.get(api.credentialHeader());
        return admit(api.authenticate(credential == null ? null : credential.toString()));
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
            throw new RateLimitedException(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999)),
                    tenant.id());
        }
        return tenant;
    }
}
