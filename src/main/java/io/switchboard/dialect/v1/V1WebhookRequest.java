package io.switchboard.dialect.v1;

import java.util.List;

/** The body of {@code POST /v1/webhooks}: where to post, which events, and optionally the signing secret. */
public record V1WebhookRequest(String url, List<String> events, String secret) {
}
