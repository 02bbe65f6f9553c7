package io.switchboard.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.model.EventType;
import io.switchboard.webhook.WebhookChanges;
import io.switchboard.webhook.WebhookHealth;
import io.switchboard.webhook.WebhookSubscription;
import io.switchboard.webhook.WebhookSubscriptions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@link WebhookSubscriptionsMBean}. */
final class ManagedWebhookSubscriptions implements WebhookSubscriptionsMBean {

    private final WebhookSubscriptions subscriptions;
    private final JmxValues values;

    ManagedWebhookSubscriptions(WebhookSubscriptions subscriptions, JmxValues values) {
        this.subscriptions = subscriptions;
        this.values = values;
    }

    @Override
    public List<Map<String, Object>> getSubscriptions() {
        return values.each(subscriptions.all().stream().map(Subscription::of).toList());
    }

    @Override
    public Map<String, Object> disable(String id) {
        return values.of(Subscription.of(enabled(id, false)));
    }

    @Override
    public Map<String, Object> enable(String id) {
        return values.of(Subscription.of(enabled(id, true)));
    }

    private WebhookSubscription enabled(String id, boolean enabled) {
        WebhookSubscription subscription = subscriptions.find(id)
                .orElseThrow(() -> new IllegalArgumentException("No webhook subscription " + id + " was found"));
        return subscriptions.update(subscription.tenantId(), id,
                new WebhookChanges(null, null, null, enabled, null, null));
    }

    /**
     * A subscription as operators see it: the v1 API's fields and words, with its tenant, and no secret.
     *
     * @param state {@code active}, {@code failing} or {@code disabled}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subscription(String id, String tenant, String url, String dialect, List<String> events, String state,
            Instant failingSince, WebhookHealth.Failure lastFailure, Instant disabledAt, String disabledReason,
            Instant createdAt) {

        static Subscription of(WebhookSubscription subscription) {
            WebhookHealth health = subscription.health();
            return new Subscription(subscription.id(), subscription.tenantId(),
                    SafeUrls.withoutCredentials(subscription.url()), subscription.dialect().id(),
                    subscription.events().stream().map(EventType::wireName).sorted().toList(),
                    health.state().name().toLowerCase(Locale.ROOT), health.failingSince(), health.lastFailure(),
                    health.disabledAt(), health.disabledReason() == null ? null : health.disabledReason().word(),
                    subscription.createdAt());
        }
    }
}
