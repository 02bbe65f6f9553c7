package io.switchboard.camel;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.RuntimeCamelException;
import org.springframework.stereotype.Component;

/**
 * Hands a failure caught in a called route back to its caller, so that the caller's error policy answers it. An error
 * handler that gives up on a failure (a transaction's always does) marks the exchange as failure-handled, and every
 * later error handler leaves such an exchange alone: a client of an ingress whose {@code direct:} call failed would
 * get an empty 500 instead of its dialect's error shape. The DSL has no step that clears the mark.
 */
@Component("failureHandBack")
public class FailureHandBack {

    /** Call from a {@code doCatch} in a route without an error handler of its own, which would mark it again. */
    public void rethrow(Exchange exchange) {
        exchange.getExchangeExtension().setFailureHandled(false);
        exchange.getExchangeExtension().setErrorHandlerHandled(null);
        throw RuntimeCamelException.wrapRuntimeCamelException(
                exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Exception.class));
    }
}
