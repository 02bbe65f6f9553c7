package io.switchboard.api;

/** The id names nothing this tenant owns. */
public final class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(404, "not_found", message);
    }
}
