package io.switchboard.webhook;

import io.switchboard.model.Dialect;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Where a delivery is posted, in which dialect, and the secrets that sign it, newest first; never logged with its
 * secrets ({@link #toString()} leaves them out).
 *
 * @param subscription the subscription whose state the attempt's outcome changes; null for a message's own status
 *                     callback, which has none
 */
public record WebhookTarget(URI url, Dialect dialect, List<String> secrets, WebhookSubscription subscription) {

    public WebhookTarget {
        secrets = List.copyOf(secrets);
    }

    /** The subscription's target, signed with every secret in force at the time. */
    public static WebhookTarget of(WebhookSubscription subscription, Instant now) {
        return new WebhookTarget(subscription.url(), subscription.dialect(), subscription.secretsInForce(now),
                subscription);
    }

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", dialect=" + dialect + "]";
    }
}
