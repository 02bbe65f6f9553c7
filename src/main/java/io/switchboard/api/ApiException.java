package io.switchboard.api;

import java.util.List;

/**
 * A request the hub refuses. Each dialect renders it in that dialect's own error shape; the status and code here
 * are the defaults a dialect may override.
 */
public abstract sealed class ApiException extends RuntimeException
        permits InvalidRequestException, MalformedBodyException, UnsupportedMediaTypeException,
        BodyTooLargeException, UnauthorizedException, NotFoundException,
        IdempotencyConflictException, ConflictException, NoActiveSessionException, RateLimitedException,
        ServiceUnavailableException {

    private final int status;
    private final String code;

    protected ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status; a bean-style getter so route expressions can read {@code ${exception.status}}. */
    public int getStatus() {
        return status;
    }

    /** A stable, machine-readable error code such as {@code validation_error}. */
    public String getCode() {
        return code;
    }

    /** When the client may try again, in seconds, for a refusal that passes (sent as Retry-After); else 0. */
    public long getRetryAfterSeconds() {
        return 0;
    }

    /** The field-level problems, if any. */
    public List<FieldError> getErrors() {
        return List.of();
    }
}
