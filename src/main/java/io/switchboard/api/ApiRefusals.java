package io.switchboard.api;

import org.springframework.stereotype.Component;

/**
 * Finds the {@link ApiException} behind a failure. Camel wraps what a bean throws inside a route expression
 * ({@code RuntimeBeanExpressionException}), so the error policies look through the causes.
 */
@Component("apiRefusals")
public class ApiRefusals {

    /** The refusal in the cause chain of {@code failure}. */
    public ApiException of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return refusal;
            }
        }
        throw new IllegalArgumentException("No ApiException behind " + failure, failure);
    }
}
