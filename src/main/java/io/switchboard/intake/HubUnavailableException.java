package io.switchboard.intake;

/**
 * Thrown to roll a JMS ingress message back when the hub could not take it for a passing reason (it answered 503:
 * its broker's disk full, its database away, the hub stopping), so the broker redelivers it after its backoff instead
 * of the message being parked as invalid or answered with a refusal.
 */
public class HubUnavailableException extends RuntimeException {

    public HubUnavailableException(String message) {
        super(message);
    }
}
