package io.switchboard.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Signs a queued delivery for this attempt; a delivery whose subscription was deleted or disabled is dropped. */
@Component("webhookRequests")
public class WebhookRequests {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequests.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookSigner signer;
    private final Clock clock;

    public WebhookRequests(WebhookSubscriptions subscriptions, WebhookSigner signer, Clock clock) {
        this.subscriptions = subscriptions;
        this.signer = signer;
        this.clock = clock;
    }

    /** The subscription the delivery is for; null when it was deleted or disabled since the delivery was queued. */
    public WebhookSubscription subscriptionFor(WebhookDelivery delivery) {
        WebhookSubscription subscription = subscriptions.find(delivery.subscriptionId()).orElse(null);
        if (subscription != null && subscription.isDisabled()) {
            LOG.info("Dropped the webhook delivery {}: its subscription is disabled ({})", delivery.id(),
                    subscription.health().disabledReason().word());
            return null;
        }
        return subscription;
    }

    /** The request for this attempt, signed with every secret of the subscription in force now. */
    public SignedWebhook sign(WebhookSubscription subscription, WebhookDelivery delivery) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String signature = signer.sign(subscription.secretsInForce(now), delivery.webhookId(), timestamp,
                delivery.payload().getBytes(StandardCharsets.UTF_8));
        return new SignedWebhook(subscription.url().toString(), delivery.webhookId(), timestamp, signature,
                delivery.payload());
    }
}
