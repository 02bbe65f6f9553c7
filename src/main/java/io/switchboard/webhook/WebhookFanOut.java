package io.switchboard.webhook;

import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.module.DialectModules;
import io.switchboard.module.WebhookRendering;
import io.switchboard.store.MessageStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns one event into one delivery per enabled subscription of the message's tenant that wants it. */
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
                .filter(subscription -> !subscription.isDisabled() && subscription.wants(event.type()))
                .toList();
        if (wanting.isEmpty()) {
            return List.of();
        }
        Envelope envelope = envelope(event);
        // rendered once per dialect, however many subscriptions speak it
        Map<Dialect, String> payloads = new HashMap<>();
        return wanting.stream()
                .map(subscription -> WebhookDelivery.of(subscription, event.id(), payloads.computeIfAbsent(
                        subscription.dialect(), dialect -> rendering(dialect).payload(event, envelope))))
                .toList();
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
