package io.switchboard.dialect.v1;

import io.switchboard.webhook.WebhookChanges;
import java.util.List;

/**
 * The body of {@code POST /v1/webhooks}: where to post, which events, and optionally the payloads' dialect
 * ({@code v1} by default) and the signing secret.
 */
public record V1WebhookRequest(String url, List<String> events, String dialect, String secret) {

    public WebhookChanges changes() {
        return WebhookChanges.creating(url, events, dialect, secret);
    }
}
