package io.switchboard.api;

/** The tenant sent more requests than its rate allows; it may try again after the given time. */
public final class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;
    private final String tenantId;

    /** @param tenantId the tenant whose rate the request exceeded, known before the route it was refused */
    public RateLimitedException(long retryAfterSeconds, String tenantId) {
        super(429, "rate_limited", "Too many requests; retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
        this.tenantId = tenantId;
    }

    @Override
    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The tenant whose rate the request exceeded; the refusal metrics count it under that tenant. */
    public String tenantId() {
        return tenantId;
    }
}
