package io.switchboard.webhook;

/** A webhook ready to post: the target and the three Standard Webhooks headers for this attempt. */
public record SignedWebhook(String url, String webhookId, long timestamp, String signature, String payload) {
}
