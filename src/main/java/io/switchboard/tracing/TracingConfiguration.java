package io.switchboard.tracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's routes trace themselves (camel-opentelemetry2, which has no 4.18 starter here) on the OpenTelemetry SDK the
 * actuator sets up: its {@code io.opentelemetry.api.trace.Tracer} and {@code ContextPropagators} beans, found in the
 * Spring registry, so the sampling, the W3C propagation and the exporters are Spring Boot's
 * ({@code management.tracing.*}, {@code management.otlp.tracing.*}). A span per route and per endpoint a route sends
 * to, none per processor; the internal endpoints named by {@code switchboard.tracing.exclude} make none, since each
 * would only repeat its caller's span. Each span's context travels on as the W3C {@code traceparent} header, so it
 * crosses JMS hops as a message property and reaches carriers and webhook subscribers.
 *
 * <p>Spring's own observations (the HTTP server's requests, the security filter chain) stay metrics and make no spans
 * ({@code spring.autoconfigure.exclude} leaves Micrometer Tracing's observation handlers out): each would start a trace
 * of its own beside the message's, on a thread the route does not run on.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    @ConditionalOnProperty(name = "switchboard.tracing.enabled", havingValue = "true", matchIfMissing = true)
    OpenTelemetryTracer camelTracer(CamelContext camel, @Value("${switchboard.tracing.exclude:}") String exclude) {
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.setTraceProcessors(false);
        tracer.setExcludePatterns(exclude.isBlank() ? null : exclude);
        tracer.init(camel);
        return tracer;
    }

    /**
     * The observations' timers, as without tracing: the actuator's tracing-aware handler would stand in its place and
     * expects every observation to have a span.
     */
    @Bean
    DefaultMeterObservationHandler observationMetrics(MeterRegistry meters) {
        return new DefaultMeterObservationHandler(meters);
    }
}
