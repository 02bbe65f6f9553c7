package io.switchboard.webhook;

/** A delivery kept away from its endpoint for now (its breaker is open, or it has its share of posts in flight). */
public class WebhookEndpointUnavailableException extends RuntimeException {

    WebhookEndpointUnavailableException(String message) {
        super(message, null, false, false);
    }
}
