package io.switchboard.webhook;

import io.switchboard.module.DialectModules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/**
 * Signs a queued delivery for this attempt in its target's dialect; a delivery whose subscription was deleted
 * meanwhile (or whose status callback can no longer be signed) is dropped.
 */
@Component("webhookRequests")
public class WebhookRequests {

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

    /** The signed request, or null when its target no longer exists. */
    public SignedWebhook sign(WebhookDelivery delivery) {
        Optional<WebhookTarget> target = StatusCallbackTargets.isStatusCallback(delivery)
                ? statusCallbacks.target(delivery)
                : subscriptions.find(delivery.subscriptionId())
                        .map(subscription -> new WebhookTarget(subscription.url(), subscription.dialect(),
                                List.of(subscription.secret())));
        if (target.isEmpty()) {
            return null;
        }
        Map<String, String> signature = dialects.of(target.get().dialect()).webhookRendering().orElseThrow()
                .signatureHeaders(target.get().secrets(), delivery.webhookId(), clock.instant().getEpochSecond(),
                        delivery.payload().getBytes(StandardCharsets.UTF_8));
        return new SignedWebhook(target.get().url().toString(), delivery.payload(), signature);
    }

    /** Puts the webhook's target and signature on the message to post; returns the payload, the body to post. */
    public String request(SignedWebhook webhook, @Headers Map<String, Object> headers) {
        headers.putAll(webhook.signatureHeaders());
        headers.put(Exchange.HTTP_URI, webhook.url());
        return webhook.payload();
    }
}
