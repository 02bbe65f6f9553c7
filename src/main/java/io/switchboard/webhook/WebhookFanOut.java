package io.switchboard.webhook;

import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.store.MessageStore;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns one event into one delivery per subscription of the message's tenant that wants it. */
@Component("webhookFanOut")
public class WebhookFanOut {

    private final WebhookSubscriptions subscriptions;
    private final WebhookPayloads payloads;
    private final MessageStore store;

    public WebhookFanOut(WebhookSubscriptions subscriptions, WebhookPayloads payloads, MessageStore store) {
        this.subscriptions = subscriptions;
        this.payloads = payloads;
        this.store = store;
    }

    public List<WebhookDelivery> deliveriesFor(DeliveryEvent event) {
        List<WebhookSubscription> wanting = subscriptions.forTenant(event.tenantId()).stream()
                .filter(subscription -> subscription.wants(event.type()))
                .toList();
        if (wanting.isEmpty()) {
            return List.of();
        }
        String v1Payload = payloads.v1(event, envelope(event));
        return wanting.stream()
                .map(subscription -> WebhookDelivery.of(subscription, event.id(), v1Payload))
                .toList();
    }

    /** The event's envelope; the message's own for an event published before events carried one. */
    private Envelope envelope(DeliveryEvent event) {
        return event.envelope() != null ? event.envelope() : store.findMessage(event.messageId()).map(Envelope::of)
                .orElseThrow(() -> new IllegalStateException("Event " + event.id() + " names unknown message "
                        + event.messageId()));
    }
}
