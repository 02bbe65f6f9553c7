package io.switchboard.dialect.v1;

import io.switchboard.json.Json;
import io.switchboard.module.DialectModule;
import io.switchboard.tenant.ApiKeyAuthenticator;
import io.switchboard.tenant.TenantProperties;

/** The v1 module as the hub's {@link V1Module} builds it (client API, webhooks), for tests without a Spring context. */
public final class V1ModuleForTests {

    private V1ModuleForTests() {
    }

    /** @param tenants whose v1 API keys the client API admits */
    public static DialectModule module(TenantProperties tenants) {
        return new V1Module().v1DialectModule(new V1Responses(), new ApiKeyAuthenticator(tenants),
                new V1WebhookPayloads(Json.newMapper()));
    }
}
