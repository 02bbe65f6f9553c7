package io.switchboard.webhook;

import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where a tenant wants its events, which ones, in which dialect's payload shape, and how its deliveries are going.
 *
 * @param secret         the signing secret; never logged ({@link #toString()} leaves it out)
 * @param previousSecret the secret a rotation replaced, still signing until it expires; null when none is in force
 *                       or it was never rotated; never logged either
 */
public record WebhookSubscription(String id, String tenantId, URI url, Set<EventType> events, String secret,
        Dialect dialect, Instant createdAt, RetiringSecret previousSecret, WebhookHealth health) {

    public WebhookSubscription {
        events = Set.copyOf(events);
    }

    /** A new subscription: one secret, nothing delivered yet. */
    public WebhookSubscription(String id, String tenantId, URI url, Set<EventType> events, String secret,
            Dialect dialect, Instant createdAt) {
        this(id, tenantId, url, events, secret, dialect, createdAt, null, WebhookHealth.ACTIVE);
    }

    public boolean wants(EventType type) {
        return events.contains(type);
    }

    public boolean isDisabled() {
        return health.state() == WebhookHealth.State.DISABLED;
    }

    /**
     * The secrets a delivery is signed with at {@code now}, newest first: the current one, and during a rotation's
     * overlap the one it replaced, so receivers can switch secrets whenever they like within the overlap.
     */
    public List<String> secretsInForce(Instant now) {
        return previousSecret != null && now.isBefore(previousSecret.expiresAt())
                ? List.of(secret, previousSecret.secret()) : List.of(secret);
    }

    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", tenantId=" + tenantId + ", url=" + url + ", events=" + events
                + ", dialect=" + dialect + ", state=" + health.state() + "]";
    }

    /** A secret a rotation replaced, and when it stops signing. */
    public record RetiringSecret(String secret, Instant expiresAt) {

        @Override
        public String toString() {
            return "RetiringSecret[expiresAt=" + expiresAt + "]";
        }
    }
}
