package io.switchboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter that refuses some API requests before they reach a route, in the error shape of the path's dialect. */
abstract class RefusingFilter extends OncePerRequestFilter {

    private final ApiErrors errors;
    private final ObjectMapper mapper;

    RefusingFilter(ApiErrors errors, ObjectMapper mapper) {
        this.errors = errors;
        this.mapper = mapper;
    }

    /** Answers with the refusal's status and its body in the dialect's shape; headers set before are kept. */
    protected void refuse(HttpServletRequest request, HttpServletResponse response, ApiException refusal)
            throws IOException {
        response.setStatus(refusal.getStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), errors.render(request.getRequestURI(), refusal));
    }
}
