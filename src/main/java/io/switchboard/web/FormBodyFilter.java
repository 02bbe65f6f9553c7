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
 * Refuses form-encoded bodies on the APIs and callbacks with 415 in the path's own error shape, before any
 * credential or signature is checked. Camel's HTTP binding parses a body declared
 * {@code application/x-www-form-urlencoded} into headers before any route runs, and fails with a bare 500 on one that
 * is not {@code key=value} pairs, such as JSON sent with the wrong Content-Type. No client API takes forms, and no
 * carrier posts its callbacks as one (every callback route reads JSON); a callback of another declared type is still
 * read, and refused with 400 if it is not JSON, as carriers are loose about their headers.
 */
class FormBodyFilter extends RefusingFilter {

    FormBodyFilter(ApiErrors errors, ObjectMapper mapper) {
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
