package io.switchboard.broker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The hub's addresses on the broker and how the broker retries what a consumer rolled back. The retry settings apply
 * to the embedded broker; a standalone broker gets the same ones from {@code docker/broker.xml}.
 *
 * @param ingress            anycast queue where legacy systems put messages in any dialect
 * @param ingressInvalid     where an invalid ingress message without a reply-to goes, with its errors attached
 * @param outbound           anycast queue of accepted messages waiting for dispatch
 * @param failover           anycast queue of failover requests, some scheduled for when an RCS leg's time is up
 * @param events             multicast address of delivery events
 * @param webhooksQueue      the webhook fan-out's durable queue on {@code events}
 * @param webhookDeliveries  anycast queue with one message per (event, subscription) to deliver
 * @param webhooksParked     anycast queue of deliveries whose endpoint's breaker is open, until it is tried again
 * @param callbacksUnmatched anycast queue of verified carrier callbacks no leg has yet (the carrier called back
 *                           before the dispatch stored its message id), until one has
 * @param inbound            multicast address where users' replies, typing and conversations are published as JSON
 *                           for legacy consumers, each with its own durable subscription
 * @param deadLetters        where a message goes once its retries are spent
 * @param dispatchRetry      backoff for dispatches that failed for a passing reason (a carrier or the database away)
 * @param webhookRetry       backoff for webhook deliveries the receiver did not accept
 * @param callbackRetry      how often and how long an unmatched callback is tried against the legs again
 * @param diskCheckPeriod    how often the intake asks the broker whether its disk is beyond its limit
 * @param memory             how much of the heap the embedded broker keeps messages in; beyond it they are paged to
 *                           its disk (a standalone broker has its own, in {@code docker/broker.xml})
 */
@ConfigurationProperties("switchboard.broker")
public record BrokerProperties(String ingress, String ingressInvalid, String outbound, String failover, String events,
        String webhooksQueue, String webhookDeliveries, String webhooksParked, String callbacksUnmatched,
        String inbound, String deadLetters, Retry dispatchRetry, Retry webhookRetry, Retry callbackRetry,
        Duration diskCheckPeriod, DataSize memory) {

    /**
     * Exponential backoff with jitter, done by the broker's scheduled redelivery so no thread waits.
     *
     * @param attempts   deliveries in all, the first included, before the message is dead-lettered
     * @param firstDelay delay before the second attempt
     * @param multiplier growth of the delay per attempt
     * @param maxDelay   cap on the delay
     * @param jitter     0 to 1: each delay is moved randomly by up to this fraction, so retries do not align
     */
    public record Retry(int attempts, Duration firstDelay, double multiplier, Duration maxDelay, double jitter) {
    }
}
