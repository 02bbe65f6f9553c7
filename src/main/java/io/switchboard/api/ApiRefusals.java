package io.switchboard.api;

import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jms.JmsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Finds the {@link ApiException} behind a failure. Camel wraps what a bean throws inside a route expression
 * ({@code RuntimeBeanExpressionException}), so the error policies look through the causes. A broker or database
 * out of reach, or a route already stopped while the hub shuts down, is a passing refusal: 503 with Retry-After.
 */
@Component("apiRefusals")
public class ApiRefusals {

    /** Each refusal's kind, as the refusal metrics name it. */
    private static final Map<Class<? extends ApiException>, String> KINDS = Map.ofEntries(
            Map.entry(InvalidRequestException.class, "invalid"),
            Map.entry(MalformedBodyException.class, "malformed"),
            Map.entry(BodyTooLargeException.class, "too_large"),
            Map.entry(UnsupportedMediaTypeException.class, "unsupported_media"),
            Map.entry(UnauthorizedException.class, "unauthorized"),
            Map.entry(NotFoundException.class, "not_found"),
            Map.entry(ConflictException.class, "conflict"),
            Map.entry(IdempotencyConflictException.class, "idempotency_conflict"),
            Map.entry(NoActiveSessionException.class, "no_active_session"),
            Map.entry(RateLimitedException.class, "rate_limited"),
            Map.entry(ServiceUnavailableException.class, "unavailable"));

    private final long retryAfterSeconds;

    public ApiRefusals(@Value("${switchboard.api.retry-after:5s}") Duration retryAfter) {
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    /** A passing refusal for {@code reason}: 503 with the hub's Retry-After. */
    public ServiceUnavailableException unavailable(String reason) {
        return new ServiceUnavailableException(retryAfterSeconds, reason + "; retry in " + retryAfterSeconds + " s.");
    }

    /** Whether the cause chain of {@code failure} holds a refusal, which {@link #of} answers. */
    public boolean isRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException || unavailable(cause) != null) {
                return true;
            }
        }
        return false;
    }

    /** The refusal in the cause chain of {@code failure}. */
    public ApiException of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return refusal;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String unavailable = unavailable(cause);
            if (unavailable != null) {
                return unavailable(unavailable);
            }
        }
        throw new IllegalArgumentException("No ApiException behind " + failure, failure);
    }

    /**
     * The kind of a refusal, a word from a bounded set that the refusal metrics tag it with: {@code invalid},
     * {@code malformed}, {@code too_large}, {@code unsupported_media}, {@code unauthorized}, {@code not_found},
     * {@code conflict}, {@code idempotency_conflict}, {@code no_active_session}, {@code rate_limited},
     * {@code unavailable}.
     */
    public static String kindOf(ApiException refusal) {
        return KINDS.get(refusal.getClass());
    }

    private static String unavailable(Throwable cause) {
        if (cause instanceof JmsException || cause instanceof JMSException) {
            return "The hub cannot reach its message broker";
        }
        if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                || cause instanceof TransactionException) {
            return "The hub cannot reach its database";
        }
        if (cause instanceof DirectConsumerNotAvailableException) {
            return "The hub is stopping";
        }
        return null;
    }
}
