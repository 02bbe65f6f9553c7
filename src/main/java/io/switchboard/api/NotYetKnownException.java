package io.switchboard.api;

/**
 * The request is about something the hub has not finished recording, such as a carrier callback that overtook the
 * dispatch which stores the carrier's message id. Answered with 503, so the sender retries a moment later.
 */
public final class NotYetKnownException extends ApiException {

    public NotYetKnownException(String message) {
        super(503, "not_yet_known", message);
    }
}
