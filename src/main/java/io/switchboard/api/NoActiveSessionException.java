package io.switchboard.api;

/** A message that may only answer a user inside their open conversation, when none is open. */
public final class NoActiveSessionException extends ApiException {

    public NoActiveSessionException(String message) {
        super(422, "no_active_session", message);
    }
}
