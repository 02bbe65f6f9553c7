package io.switchboard.webhook;

import io.switchboard.module.DialectModules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Headers;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds where a queued delivery goes now and signs it for this attempt in its target's dialect; a delivery whose
 * subscription was deleted or disabled meanwhile (or whose status callback can no longer be signed) is dropped.
 */
@Component("webhookRequests")
public class WebhookRequests {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequests.class);

    private final WebhookSubscriptions subscriptions;
    private final StatusCallbackTargets statusCallbacks;
    private final DialectModules dialects;
    private final Clock clock;

    public WebhookRequests(WebhookSubscriptions subscriptions, StatusCallbackTargets statusCallbacks,
            DialectModules dialects, Clock clock) {
        this.subscriptions = subscriptions;
        this.statusCallbacks = statusCallbacks;
        this.dialects = dialects;
        this.clock = clock;
    }

    /** The delivery's target now; null when it no longer wants the delivery. */
    public WebhookTarget targetFor(WebhookDelivery delivery) {
        if (StatusCallbackTargets.isStatusCallback(delivery)) {
            return statusCallbacks.target(delivery).orElse(null);
        }
        WebhookSubscription subscription = subscriptions.find(delivery.subscriptionId()).orElse(null);
        if (subscription != null && subscription.isDisabled()) {
            LOG.info("Dropped the webhook delivery {}: its subscription is disabled ({})", delivery.id(),
                    subscription.health().disabledReason().word());
            return null;
        }
        return subscription == null ? null : WebhookTarget.of(subscription, clock.instant());
    }

    /**
     * Puts the target's URL and its dialect's signature of the payload (under every secret in force) on the message
     * to post; returns the payload, the body to post.
     */
    public String request(@Variable("target") WebhookTarget target, @Variable("delivery") WebhookDelivery delivery,
            @Headers Map<String, Object> headers) {
        headers.putAll(dialects.of(target.dialect()).webhookRendering().orElseThrow()
                .signatureHeaders(target.secrets(), delivery.webhookId(), clock.instant().getEpochSecond(),
                        delivery.payload().getBytes(StandardCharsets.UTF_8)));
        headers.put(Exchange.HTTP_URI, target.url().toString());
        return delivery.payload();
    }
}
