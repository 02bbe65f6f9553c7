package io.switchboard.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the hub bears with a subscriber ({@code switchboard.webhooks}).
 *
 * @param secretOverlap how long a rotated-out secret keeps signing beside the new one
 * @param disableAfter  a subscription whose deliveries fail for longer than this is disabled
 * @param retryAfterMax the latest a subscriber's {@code Retry-After} can put off the next attempt
 */
@ConfigurationProperties("switchboard.webhooks")
public record WebhookPolicy(Duration secretOverlap, Duration disableAfter, Duration retryAfterMax) {
}
