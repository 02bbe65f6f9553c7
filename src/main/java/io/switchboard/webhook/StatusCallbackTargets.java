package io.switchboard.webhook;

import io.switchboard.model.Dialect;
import io.switchboard.module.DialectModules;
import io.switchboard.module.WebhookRendering;
import io.switchboard.tenant.TenantProperties;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The target of a delivery to a message's own status callback URL ({@link WebhookDelivery#toStatusCallback}): the
 * URL the client gave, signed with the secret the callback's dialect derives from the tenant's credentials.
 */
@Component
public class StatusCallbackTargets {

    private final TenantProperties tenants;
    private final DialectModules dialects;

    public StatusCallbackTargets(TenantProperties tenants, DialectModules dialects) {
        this.tenants = tenants;
        this.dialects = dialects;
    }

    /** Whether the delivery is to a message's own status callback rather than to a subscription. */
    public static boolean isStatusCallback(WebhookDelivery delivery) {
        return delivery.subscriptionId().startsWith(WebhookDelivery.STATUS_CALLBACK);
    }

    /**
     * The delivery's target; empty when its tenant or the dialect's signing secret is no longer configured, so nothing
     * unsigned is posted.
     */
    public Optional<WebhookTarget> target(WebhookDelivery delivery) {
        String[] dialectAndTenant = delivery.subscriptionId().substring(WebhookDelivery.STATUS_CALLBACK.length())
                .split(":", 2);
        Optional<Dialect> dialect = Dialect.withId(dialectAndTenant[0]);
        Optional<WebhookRendering> rendering = dialect.flatMap(known -> dialects.of(known).webhookRendering());
        if (rendering.isEmpty() || dialectAndTenant.length < 2) {
            return Optional.empty();
        }
        return tenants.tenants().stream()
                .filter(tenant -> tenant.id().equals(dialectAndTenant[1]))
                .findFirst()
                .flatMap(tenant -> rendering.get().statusCallbackSecret(tenant))
                .map(secret -> new WebhookTarget(URI.create(delivery.url()), dialect.get(), List.of(secret), null));
    }
}
