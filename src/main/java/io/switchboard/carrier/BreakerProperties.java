package io.switchboard.carrier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The circuit breaker every carrier gets ({@code switchboard.breaker}). A passing failure (5xx, 408, 429, timeout,
 * connection refused) counts against the carrier; an answer, accepting or refusing, counts for it.
 *
 * @param failureRate  the percentage of failed calls in the window that opens the breaker
 * @param window       how many of the latest calls the rate is taken over
 * @param minimumCalls how many calls the window needs before the rate counts
 * @param openFor      how long an open breaker keeps calls away from the carrier before it lets a few try again
 * @param trialCalls   how many calls the half-open breaker lets through to decide whether to close
 */
@ConfigurationProperties("switchboard.breaker")
public record BreakerProperties(int failureRate, int window, int minimumCalls, Duration openFor, int trialCalls) {
}
