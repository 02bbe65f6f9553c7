package io.switchboard.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.broker.BrokerProperties;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.metrics.HubMetrics.WebhookOutcome;
import io.switchboard.webhook.WebhookHealth.DisabledReason;
import io.switchboard.webhook.WebhookHealth.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What a delivery's attempt means for its subscription and for the delivery itself. A 2xx ends a failing spell. A
 * failure starts or extends one; a {@code 410 Gone}, or a spell longer than {@code disable-after}, disables the
 * subscription and the delivery is acknowledged, not retried. A 429 or 503 with {@code Retry-After} puts the next
 * attempt off until then: the broker's redelivery delays cannot be set per message, so the delivery is sent again
 * with a scheduled delivery time, counting the attempts made so far so the dead-letter limit still holds. Any other
 * failure goes back to the broker for its retry with backoff. Each attempt's outcome is counted, with the attempt's
 * number and the delivery's dialect.
 */
@Component("webhookOutcomes")
public class WebhookOutcomes {

    static final String DISABLED_METRIC = "switchboard.webhook.subscriptions.disabled";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookOutcomes.class);
    private static final int GONE = 410;

    private final WebhookSubscriptions subscriptions;
    private final WebhookPolicy policy;
    private final int maxAttempts;
    private final Clock clock;
    private final HubMetrics metrics;
    private final Map<DisabledReason, Counter> disabled = new EnumMap<>(DisabledReason.class);

    public WebhookOutcomes(WebhookSubscriptions subscriptions, WebhookPolicy policy, BrokerProperties broker,
            MeterRegistry meters, HubMetrics metrics, Clock clock) {
        this.subscriptions = subscriptions;
        this.policy = policy;
        this.maxAttempts = broker.webhookRetry().attempts();
        this.clock = clock;
        this.metrics = metrics;
        for (DisabledReason reason : new DisabledReason[] {DisabledReason.GONE, DisabledReason.FAILING}) {
            disabled.put(reason, Counter.builder(DISABLED_METRIC).tag("reason", reason.word())
                    .description("Webhook subscriptions the hub disabled").register(meters));
        }
    }

    /**
     * The subscriber took the delivery.
     *
     * @param subscription   null for a message's own status callback
     * @param deliveryCount  the broker's count of this copy's deliveries ({@code JMSXDeliveryCount})
     * @param earlierAttempt the attempts made by the copies before this one; null for the delivery as first queued
     */
    public void delivered(WebhookDelivery delivery, WebhookSubscription subscription, int deliveryCount,
            Integer earlierAttempt) {
        counted(delivery, WebhookOutcome.DELIVERED, WebhookAttempts.number(deliveryCount, earlierAttempt));
        if (subscription == null || subscription.health().failingSince() == null) {
            return;
        }
        try {
            subscriptions.recordSuccess(subscription.id());
        } catch (DataAccessException e) {
            // the delivery is made and must not be posted again; the next success ends the spell
            LOG.warn("Could not record that webhook subscription {} is no longer failing: {}", subscription.id(),
                    e.getMessage());
        }
    }

    /**
     * The attempt failed: what becomes of the delivery, or {@code failure} again when the broker is to retry it.
     *
     * @param subscription   null when the attempt failed before the subscription was known (nothing was posted) and
     *                       for a message's own status callback, which the broker retries as any failure
     * @param deliveryCount  the broker's count of this copy's deliveries ({@code JMSXDeliveryCount})
     * @param earlierAttempt the attempts made by the copies before this one; null for the delivery as first queued
     */
    public NextAttempt failed(WebhookDelivery delivery, WebhookSubscription subscription, Exception failure,
            int deliveryCount, Integer earlierAttempt) throws Exception {
        int attempts = WebhookAttempts.number(deliveryCount, earlierAttempt);
        if (subscription == null) {
            // the broker dead-letters the delivery once it has counted all its attempts
            counted(delivery, attempts >= maxAttempts ? WebhookOutcome.DEAD_LETTERED : WebhookOutcome.RETRIED,
                    attempts);
            throw failure;
        }
        Instant now = clock.instant();
        Integer status = failure instanceof HttpOperationFailedException refused ? refused.getStatusCode() : null;
        subscriptions.recordFailure(subscription.id(), new Failure(now, status, reasonOf(failure)));
        if (status != null && status == GONE) {
            if (subscriptions.disable(subscription.id(), DisabledReason.GONE, now)) {
                told(subscription, DisabledReason.GONE, "its endpoint answered 410 Gone");
            }
            counted(delivery, WebhookOutcome.GONE, attempts);
            return NextAttempt.DROP;
        }
        Instant failingSince = subscription.health().failingSince();
        if (failingSince != null && failingSince.isBefore(now.minus(policy.disableAfter()))) {
            if (subscriptions.disableFailingSince(now.minus(policy.disableAfter()), subscription.id(), now)) {
                told(subscription, DisabledReason.FAILING, "its deliveries have failed since " + failingSince
                        + ", longer than " + policy.disableAfter() + " (switchboard.webhooks.disable-after)");
            }
            counted(delivery, WebhookOutcome.DISABLED, attempts);
            return NextAttempt.DROP;
        }
        if (attempts >= maxAttempts) {
            counted(delivery, WebhookOutcome.DEAD_LETTERED, attempts);
            if (attempts == deliveryCount) {
                // the broker dead-letters the last attempt of the copy it counted from the start
                throw failure;
            }
            return NextAttempt.deadLetter("all " + attempts + " attempts failed, the last: " + reasonOf(failure));
        }
        Duration wait = failure instanceof HttpOperationFailedException refused ? retryAfter(refused, now) : null;
        if (wait == null) {
            counted(delivery, WebhookOutcome.RETRIED, attempts);
            throw failure;
        }
        counted(delivery, WebhookOutcome.RESCHEDULED, attempts);
        Duration capped = wait.compareTo(policy.retryAfterMax()) > 0 ? policy.retryAfterMax() : wait;
        LOG.debug("Webhook delivery {} answered {}; next attempt in {}", delivery.id(), status, capped);
        return NextAttempt.at(now.plus(capped), attempts);
    }

    /**
     * The delivery's endpoint's breaker kept this attempt away: the delivery waits parked.
     *
     * @param deliveryCount  the broker's count of this copy's deliveries ({@code JMSXDeliveryCount})
     * @param earlierAttempt the attempts made by the copies before this one; null for the delivery as first queued
     */
    public void parked(WebhookDelivery delivery, int deliveryCount, Integer earlierAttempt) {
        counted(delivery, WebhookOutcome.PARKED, WebhookAttempts.number(deliveryCount, earlierAttempt));
    }

    private void counted(WebhookDelivery delivery, WebhookOutcome outcome, int attempt) {
        metrics.webhookDelivery(outcome, attempt, delivery.dialect());
    }

    /** How long a 429 or 503 asks the hub to wait, or null when it does not say or is another failure. */
    static Duration retryAfter(HttpOperationFailedException refused, Instant now) {
        if (refused.getStatusCode() != 429 && refused.getStatusCode() != 503 || refused.getResponseHeaders() == null) {
            return null;
        }
        return refused.getResponseHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Retry-After"))
                .map(header -> retryAfter(header.getValue(), now)).findFirst().orElse(null);
    }

    /** A {@code Retry-After} value, delay-seconds or an HTTP date, as a wait from {@code now}; null if unreadable. */
    static Duration retryAfter(String value, Instant now) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.matches("[0-9]{1,10}")) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        try {
            Instant until = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void told(WebhookSubscription subscription, DisabledReason reason, String why) {
        disabled.get(reason).increment();
        LOG.warn("Disabled webhook subscription {} of tenant {} posting to {}: {}", subscription.id(),
                subscription.tenantId(), WebhookEndpoints.endpointOf(subscription.url().toString()), why);
    }

    /** Why an attempt failed, in words fit for a log line or a record: a refusal's status, not its URL. */
    static String reasonOf(Exception failure) {
        if (failure instanceof HttpOperationFailedException refused) {
            return refused.getStatusText() == null || refused.getStatusText().isBlank()
                    ? "HTTP " + refused.getStatusCode() : refused.getStatusText();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /**
     * What becomes of a delivery whose attempt failed, when not the broker's retry.
     *
     * @param notBefore epoch milliseconds before which the next attempt may not be made (rescheduled only)
     * @param attempts  the attempts made so far (rescheduled only)
     * @param reason    why it is dead-lettered (dead-lettered only)
     */
    public record NextAttempt(boolean rescheduled, long notBefore, int attempts, boolean deadLettered,
            String reason) {

        /** Acknowledged and forgotten: the subscription is disabled. */
        static final NextAttempt DROP = new NextAttempt(false, 0, 0, false, null);

        static NextAttempt at(Instant notBefore, int attempts) {
            return new NextAttempt(true, notBefore.toEpochMilli(), attempts, false, null);
        }

        static NextAttempt deadLetter(String reason) {
            return new NextAttempt(false, 0, 0, true, reason);
        }
    }
}
