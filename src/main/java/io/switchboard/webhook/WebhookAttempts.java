package io.switchboard.webhook;

import io.switchboard.store.PathRecords;
import io.switchboard.store.WebhookAttemptRecord;
import io.switchboard.webhook.WebhookEndpoints.Attempt;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Each post of a webhook delivery, for its message's path ({@link PathRecords}): to which target, the attempt's
 * number, when, how long, and what came of it. Deliveries about no message (a test event) are not recorded.
 */
@Component("webhookAttempts")
public class WebhookAttempts {

    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    private final PathRecords path;
    private final Clock clock;

    public WebhookAttempts(PathRecords path, Clock clock) {
        this.path = path;
        this.clock = clock;
    }

    /**
     * The attempt's number for this event and target, from 1, counted across the copies a Retry-After sent again.
     *
     * @param deliveryCount  the broker's count of this copy's deliveries ({@code JMSXDeliveryCount})
     * @param earlierAttempt the attempts made by the copies before this one; null for the delivery as first queued
     */
    public static int number(int deliveryCount, Integer earlierAttempt) {
        return (earlierAttempt == null ? 0 : earlierAttempt) + deliveryCount;
    }

    /**
     * Records a post that was made.
     *
     * @param messageId the message the event is about; null for a test event, which is not recorded
     * @param failure   why the post failed, or null when it was delivered
     * @param status    the HTTP status of a delivered post
     */
    public void posted(WebhookDelivery delivery, String messageId, int attempt, Attempt endpointAttempt,
            Exception failure, Integer status) {
        if (messageId == null) {
            return;
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - endpointAttempt.startedNanos());
        Integer answered = failure == null ? status
                : failure instanceof HttpOperationFailedException refused ? refused.getStatusCode() : null;
        path.record(new WebhookAttemptRecord(messageId, delivery.webhookId(), delivery.subscriptionId(), attempt,
                clock.instant().minusMillis(tookMillis), tookMillis,
                failure == null ? DELIVERED : FAILED, answered,
                failure == null ? null : WebhookOutcomes.reasonOf(failure)));
    }
}
