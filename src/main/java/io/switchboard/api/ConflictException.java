package io.switchboard.api;

/** The request cannot be carried out in the state its target is in. */
public final class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(409, "conflict", message);
    }
}
