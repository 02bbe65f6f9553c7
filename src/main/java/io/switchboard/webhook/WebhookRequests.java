package io.switchboard.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Signs a queued delivery for this attempt; a delivery whose subscription was deleted meanwhile is dropped. */
@Component("webhookRequests")
public class WebhookRequests {

    private final WebhookSubscriptions subscriptions;
    private final WebhookSigner signer;
    private final Clock clock;

    public WebhookRequests(WebhookSubscriptions subscriptions, WebhookSigner signer, Clock clock) {
        this.subscriptions = subscriptions;
        this.signer = signer;
        this.clock = clock;
    }

    /** The signed request, or null when the subscription no longer exists. */
    public SignedWebhook sign(WebhookDelivery delivery) {
        Optional<WebhookSubscription> subscription = subscriptions.find(delivery.subscriptionId());
        if (subscription.isEmpty()) {
            return null;
        }
        long timestamp = clock.instant().getEpochSecond();
        String signature = signer.sign(subscription.get().secret(), delivery.webhookId(), timestamp,
                delivery.payload().getBytes(StandardCharsets.UTF_8));
        return new SignedWebhook(subscription.get().url().toString(), delivery.webhookId(), timestamp, signature,
                delivery.payload());
    }
}
