package io.switchboard.api;

/** The body is larger than the configured limit. */
public final class BodyTooLargeException extends ApiException {

    public BodyTooLargeException(long limitBytes) {
        super(413, "payload_too_large", "The request body is larger than " + limitBytes + " bytes.");
    }
}
