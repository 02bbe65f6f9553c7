package io.switchboard.webhook;

import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.StatusCallback;

/**
 * One event to post to one subscription, as it waits on the deliveries queue. The payload is rendered once, so every
 * retry signs and sends the same bytes; the secret is looked up at send time and never travels on the broker.
 *
 * @param id             subscription and event id, the broker's duplicate-detection key
 * @param subscriptionId the subscription; for a message's own status callback, {@value #STATUS_CALLBACK} with the
 *                       callback's dialect and the tenant ({@code callback:v5:acme})
 * @param webhookId      the {@code webhook-id} header: the event id, the same on every retry
 * @param url            where the subscription posted when the event was fanned out: the endpoint whose limits the
 *                       delivery is held to before anything else is done for it (the post goes where the subscription
 *                       says at the time); null in a delivery queued before deliveries carried it
 * @param dialect        the dialect the payload is rendered in, which the delivery metrics tag it with before its
 *                       subscription is looked up; null in a delivery queued before deliveries carried it
 */
public record WebhookDelivery(String id, String subscriptionId, String webhookId, String payload, String url,
        Dialect dialect) {

    public static final String STATUS_CALLBACK = "callback:";

    public static WebhookDelivery of(WebhookSubscription subscription, String eventId, String payload) {
        return new WebhookDelivery(subscription.id() + ":" + eventId, subscription.id(), eventId, payload,
                subscription.url().toString(), subscription.dialect());
    }

    /** The delivery to the status callback URL a message's client gave with it. */
    public static WebhookDelivery toStatusCallback(DeliveryEvent event, StatusCallback callback, String payload) {
        String target = STATUS_CALLBACK + callback.dialect().id() + ":" + event.tenantId();
        return new WebhookDelivery(target + ":" + event.id(), target, event.id(), payload, callback.url().toString(),
                callback.dialect());
    }
}
