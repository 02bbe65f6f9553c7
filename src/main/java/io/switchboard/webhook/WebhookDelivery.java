package io.switchboard.webhook;

/**
 * One event to post to one subscription, as it waits on the deliveries queue. The payload is rendered once, so every
 * retry signs and sends the same bytes; the secret is looked up at send time and never travels on the broker.
 *
 * @param id        subscription and event id, the broker's duplicate-detection key
 * @param webhookId the {@code webhook-id} header: the event id, the same on every retry
 */
public record WebhookDelivery(String id, String subscriptionId, String webhookId, String payload) {

    public static WebhookDelivery of(String subscriptionId, String eventId, String payload) {
        return new WebhookDelivery(subscriptionId + ":" + eventId, subscriptionId, eventId, payload);
    }
}
