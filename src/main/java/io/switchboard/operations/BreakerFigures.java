package io.switchboard.operations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * A circuit breaker as operators see it.
 *
 * @param state             CLOSED, OPEN, HALF_OPEN, or what an operator forced: FORCED_OPEN, DISABLED (closed)
 * @param failureRate       the percentage of failed calls in the breaker's window; -1 until the window holds its
 *                          minimum number of calls
 * @param calls             the calls in the window
 * @param failedCalls       the failed calls in the window
 * @param notPermittedCalls the calls the breaker kept away since it last opened
 */
record BreakerFigures(String state, float failureRate, int calls, int failedCalls, long notPermittedCalls) {

    static BreakerFigures of(CircuitBreaker breaker) {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        return new BreakerFigures(breaker.getState().name(), metrics.getFailureRate(),
                metrics.getNumberOfBufferedCalls(), metrics.getNumberOfFailedCalls(),
                metrics.getNumberOfNotPermittedCalls());
    }
}
