package io.switchboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.ServiceUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * Answers API calls and callbacks with 503 and Retry-After, in the dialect's own error shape, while the hub starts or
 * stops ({@link HubLifecycle}). Clients and carriers retry a 503; nothing reaches a route that is not running.
 */
class ServiceGateFilter extends RefusingFilter {

    private final HubLifecycle lifecycle;
    private final long retryAfterSeconds;

    ServiceGateFilter(HubLifecycle lifecycle, ApiErrors errors, ObjectMapper mapper, long retryAfterSeconds) {
        super(errors, mapper);
        this.lifecycle = lifecycle;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refusal = lifecycle.refusal();
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ServiceUnavailableException unavailable = new ServiceUnavailableException(retryAfterSeconds,
                refusal.get() + "; retry in " + retryAfterSeconds + " s.");
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        refuse(request, response, unavailable);
    }
}
