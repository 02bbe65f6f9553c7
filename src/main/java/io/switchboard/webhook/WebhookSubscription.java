package io.switchboard.webhook;

import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * Where a tenant wants its events, which ones, and in which dialect's payload shape.
 *
 * @param secret the signing secret; never logged ({@link #toString()} leaves it out)
 */
public record WebhookSubscription(String id, String tenantId, URI url, Set<EventType> events, String secret,
        Dialect dialect, Instant createdAt) {

    public WebhookSubscription {
        events = Set.copyOf(events);
    }

    public boolean wants(EventType type) {
        return events.contains(type);
    }

    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", tenantId=" + tenantId + ", url=" + url + ", events=" + events
                + ", dialect=" + dialect + "]";
    }
}
