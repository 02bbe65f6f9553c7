package io.switchboard.carrier;

/** Thrown to roll a dispatch back, so the broker redelivers the message after its backoff. */
public class CarrierUnavailableException extends RuntimeException {

    public CarrierUnavailableException(String message) {
        super(message);
    }

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
