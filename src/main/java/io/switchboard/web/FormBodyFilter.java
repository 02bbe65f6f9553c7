package io.switchboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.UnsupportedMediaTypeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.MediaType;

/**
 * Refuses form-encoded bodies on the client APIs with 415 in the dialect's own error shape. Camel's HTTP binding
 * parses a body declared {@code application/x-www-form-urlencoded} into headers before any route runs, and fails
 * with a bare 500 on one that is not {@code key=value} pairs, such as JSON sent with the wrong Content-Type. No client
 * API takes forms; carrier callbacks are left alone, as a carrier may post one.
 */
class FormBodyFilter extends RefusingFilter {

    static final String[] CLIENT_API_PATTERNS = {"/v1/*", "/v5/*", "/messages/*"};

    FormBodyFilter(DialectErrors errors, ObjectMapper mapper) {
        super(errors, mapper);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT)
                .startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, new UnsupportedMediaTypeException(contentType));
    }
}
