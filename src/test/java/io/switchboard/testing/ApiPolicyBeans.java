package io.switchboard.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.api.ApiRefusals;
import io.switchboard.callback.CallbackResponses;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.module.DialectModules;
import io.switchboard.pricing.Prices;
import io.switchboard.tenant.ApiKeyAuthenticator;
import io.switchboard.tenant.TenantProperties;
import io.switchboard.web.Admission;
import io.switchboard.web.ApiErrors;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The beans behind {@code api-errors.camel.yaml}'s {@code api} error policy and {@code client-admission}, real and
 * wired as the hub wires them: every dialect's module with its client API, the tenants' credentials and request
 * rates, each API's error shape, the Retry-After of a 503.
 */
public record ApiPolicyBeans(DialectModules dialects, Admission admission, ApiErrors apiErrors,
        ApiRefusals apiRefusals) {

    public static ApiPolicyBeans of(TenantProperties tenants, Prices prices, Duration retryAfter) {
        DialectModules dialects = DialectModulesForTests.withClientApis(new ApiKeyAuthenticator(tenants), prices);
        return new ApiPolicyBeans(dialects, new Admission(dialects, tenants),
                new ApiErrors(dialects, new CallbackResponses(), new HubMetrics(new SimpleMeterRegistry(), 8)),
                new ApiRefusals(retryAfter));
    }

    /** These beans by the names the routes use, with a route file's own beans. */
    public Map<String, Object> with(Map<String, Object> beans) {
        Map<String, Object> all = new HashMap<>(beans);
        all.put("admission", admission);
        all.put("apiErrors", apiErrors);
        all.put("apiRefusals", apiRefusals);
        return all;
    }
}
