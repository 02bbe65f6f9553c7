package io.switchboard.dialect.v1;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.webhook.WebhookChanges;
import java.util.List;

/**
 * The body of {@code PATCH /v1/webhooks/{id}}: only the fields to change. A {@code secret}, or
 * {@code "rotate_secret": true} for one the hub generates, rotates the signing secret; {@code enabled} turns the
 * subscription off or on again.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record V1WebhookUpdate(String url, List<String> events, String dialect, Boolean enabled, String secret,
        Boolean rotateSecret) {

    public WebhookChanges changes() {
        return new WebhookChanges(url, events, dialect, enabled, secret, rotateSecret);
    }
}
