package io.switchboard.webhook;

import io.switchboard.model.Dialect;
import java.net.URI;
import java.util.List;

/**
 * Where a delivery is posted, in which dialect, and the secrets that sign it, newest first; never logged with its
 * secrets ({@link #toString()} leaves them out).
 */
public record WebhookTarget(URI url, Dialect dialect, List<String> secrets) {

    public WebhookTarget {
        secrets = List.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", dialect=" + dialect + "]";
    }
}
