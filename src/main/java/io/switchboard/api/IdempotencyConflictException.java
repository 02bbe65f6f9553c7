package io.switchboard.api;

/** The Idempotency-Key was already used for a different request. */
public final class IdempotencyConflictException extends ApiException {

    public IdempotencyConflictException(String message) {
        super(422, "idempotency_key_reused", message);
    }
}
