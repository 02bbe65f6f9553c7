package io.switchboard.webhook;

import java.util.Map;

/** A webhook ready to post: the target, the payload, and the signature headers of its dialect for this attempt. */
public record SignedWebhook(String url, String payload, Map<String, String> signatureHeaders) {
}
