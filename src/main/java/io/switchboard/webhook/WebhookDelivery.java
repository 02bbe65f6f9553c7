package io.switchboard.webhook;

/**
 * One event to post to one subscription, as it waits on the deliveries queue. The payload is rendered once, so every
 * retry signs and sends the same bytes; the secret is looked up at send time and never travels on the broker.
 *
 * @param id        subscription and event id, the broker's duplicate-detection key
 * @param webhookId the {@code webhook-id} header: the event id, the same on every retry
 * @param url       where the subscription posted when the event was fanned out: the endpoint whose limits the delivery
 *                  is held to before anything else is done for it (the post goes where the subscription says at the
 *                  time); null in a delivery queued before deliveries carried it
 */
public record WebhookDelivery(String id, String subscriptionId, String webhookId, String payload, String url) {

    public static WebhookDelivery of(WebhookSubscription subscription, String eventId, String payload) {
        return new WebhookDelivery(subscription.id() + ":" + eventId, subscription.id(), eventId, payload,
                subscription.url().toString());
    }
}
