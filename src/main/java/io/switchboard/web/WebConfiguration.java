package io.switchboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.camel.AllowListHeaderFilterStrategy;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    private static final String SANDBOX_PATTERN = "/sandbox/*";

    /** Millisecond precision everywhere: what the database stores is what the API shows. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /**
     * The HTTP APIs answer with only these headers, whatever headers a route carried; a client cannot set Camel or
     * Switchboard headers on the way in.
     */
    @Bean
    AllowListHeaderFilterStrategy apiHeaderFilter() {
        return new AllowListHeaderFilterStrategy(
                Set.of("Content-Type", "Retry-After", "Location", "WWW-Authenticate", "Idempotent-Replayed"),
                Set.of(), Set.of("Camel", "Switchboard"));
    }

    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBody(ApiErrors errors, ObjectMapper mapper,
            @Value("${switchboard.api.max-body-size:256KB}") DataSize maxBodySize) {
        FilterRegistrationBean<RequestBodyFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyFilter(maxBodySize.toBytes(), errors, mapper));
        registration.addUrlPatterns(errors.urlPatterns());
        // the sandbox carriers and webhook inbox read bodies from anyone on the network too
        registration.addUrlPatterns(SANDBOX_PATTERN);
        // after Spring Security, so unauthenticated management calls never get this far
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    /** First of all, before authentication: a starting or stopping hub answers every caller alike. */
    @Bean
    FilterRegistrationBean<ServiceGateFilter> serviceGate(HubLifecycle lifecycle, ApiErrors errors,
            ObjectMapper mapper, @Value("${switchboard.api.retry-after:5s}") Duration retryAfter) {
        FilterRegistrationBean<ServiceGateFilter> registration = new FilterRegistrationBean<>(
                new ServiceGateFilter(lifecycle, errors, mapper, Math.max(1, retryAfter.toSeconds())));
        registration.addUrlPatterns(errors.urlPatterns());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FormBodyFilter> formBodyRefusal(ApiErrors errors, ObjectMapper mapper) {
        FilterRegistrationBean<FormBodyFilter> registration = new FilterRegistrationBean<>(
                new FormBodyFilter(errors, mapper));
        registration.addUrlPatterns(errors.urlPatterns());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
