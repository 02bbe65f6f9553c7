package io.switchboard.api;

/**
 * The hub cannot take the request right now: it is starting or stopping, or its broker or database cannot be
 * reached. Nothing was recorded that the client must undo; the same request (with the same Idempotency-Key) may be
 * sent again after {@link #getRetryAfterSeconds()}.
 */
public final class ServiceUnavailableException extends ApiException {

    private final long retryAfterSeconds;

    public ServiceUnavailableException(long retryAfterSeconds, String message) {
        super(503, "service_unavailable", message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}
