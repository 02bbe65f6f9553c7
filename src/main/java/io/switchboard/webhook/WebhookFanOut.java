package io.switchboard.webhook;

import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.StatusCallback;
import io.switchboard.module.DialectModules;
import io.switchboard.module.WebhookRendering;
import io.switchboard.store.MessageStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns one event into one delivery per enabled subscription of the message's tenant that wants it in a dialect that
 * has a shape for it, and one to the message's own status callback URL when its client gave one.
 */
@Component("webhookFanOut")
public class WebhookFanOut {

    private final WebhookSubscriptions subscriptions;
    private final DialectModules dialects;
    private final MessageStore store;

    public WebhookFanOut(WebhookSubscriptions subscriptions, DialectModules dialects, MessageStore store) {
        this.subscriptions = subscriptions;
        this.dialects = dialects;
        this.store = store;
    }

    public List<WebhookDelivery> deliveriesFor(DeliveryEvent event) {
        List<WebhookSubscription> wanting = subscriptions.forTenant(event.tenantId()).stream()
                .filter(subscription -> !subscription.isDisabled() && subscription.wants(event.type())
                        && rendering(subscription.dialect()).renders(event.type()))
                .toList();
        StatusCallback callback = event.envelope() == null ? null : event.envelope().statusCallback();
        boolean callbackWants = callback != null && rendering(callback.dialect()).renders(event.type());
        if (wanting.isEmpty() && !callbackWants) {
            return List.of();
        }
        Envelope envelope = envelope(event);
        // rendered once per dialect, however many subscriptions speak it
        Map<Dialect, String> payloads = new EnumMap<>(Dialect.class);
        List<WebhookDelivery> deliveries = new ArrayList<>(wanting.size() + 1);
        for (WebhookSubscription subscription : wanting) {
            deliveries.add(WebhookDelivery.of(subscription, event.id(), payload(subscription.dialect(), event, envelope,
                    payloads)));
        }
        if (callbackWants) {
            deliveries.add(WebhookDelivery.toStatusCallback(event, callback,
                    payload(callback.dialect(), event, envelope, payloads)));
        }
        return deliveries;
    }

    private String payload(Dialect dialect, DeliveryEvent event, Envelope envelope, Map<Dialect, String> payloads) {
        return payloads.computeIfAbsent(dialect, unrendered -> rendering(dialect).payload(event, envelope));
    }

    private WebhookRendering rendering(Dialect dialect) {
        return dialects.of(dialect).webhookRendering().orElseThrow(() -> new IllegalStateException(
                "Subscriptions in " + dialect.id() + " get no webhooks: that dialect has no webhook shape"));
    }

    /** The event's envelope; the message's own for an event published before events carried one. */
    private Envelope envelope(DeliveryEvent event) {
        return event.envelope() != null ? event.envelope() : store.findMessage(event.messageId()).map(Envelope::of)
                .orElseThrow(() -> new IllegalStateException("Event " + event.id() + " names unknown message "
                        + event.messageId()));
    }
}
