package io.switchboard.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits each webhook endpoint (a subscriber's host and port) gets ({@code switchboard.webhooks.endpoint}), so one
 * slow or dead endpoint holds at most {@code maxConcurrent} of the delivery consumers and, once its breaker opens, none.
 *
 * @param maxConcurrent how many deliveries may be posted to one endpoint at the same time
 * @param maxWait       how long a delivery waits for a post to the same endpoint to end when its share is in flight
 * @param slowCall      a post that takes longer counts as slow
 * @param failureRate   the percentage of failed posts, or of slow ones, in the window that opens the endpoint's
 *                      breaker
 * @param window        how many of the latest posts the rate is taken over
 * @param minimumCalls  how many posts the window needs before the rate counts
 * @param openFor       how long an open breaker keeps posts away from the endpoint before a few try again
 * @param trialCalls    how many parked deliveries are posted when the open time is over; they decide whether the
 *                      endpoint is back
 */
@ConfigurationProperties("switchboard.webhooks.endpoint")
public record WebhookEndpointProperties(int maxConcurrent, Duration maxWait, Duration slowCall, int failureRate,
        int window, int minimumCalls, Duration openFor, int trialCalls) {
}
