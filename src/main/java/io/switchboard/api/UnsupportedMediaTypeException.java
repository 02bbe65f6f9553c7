package io.switchboard.api;

/** The request did not declare a JSON body. */
public final class UnsupportedMediaTypeException extends ApiException {

    public UnsupportedMediaTypeException(String contentType) {
        super(415, "unsupported_media_type", "Content-Type must be application/json, not '"
                + (contentType == null ? "" : contentType) + "'.");
    }
}
