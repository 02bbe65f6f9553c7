package io.switchboard.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Spans leave the hub only when an OTLP endpoint is configured: the actuator's OpenTelemetry configuration, as the hub
 * uses it, has no exporter otherwise, and one posting to the configured endpoint when it is set. Camel's routes make
 * spans unless {@code switchboard.tracing.enabled} is false.
 */
class TraceExportConfigurationTest {

    private final ApplicationContextRunner tracing = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenTelemetryAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class));

    @Test
    void shouldHaveNoExporterWithoutAnOtlpEndpoint() {
        tracing.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(io.opentelemetry.api.OpenTelemetry.class);
            assertThat(context).doesNotHaveBean(SpanExporter.class);
        });
    }

    @Test
    void shouldExportOverOtlpHttpToTheConfiguredEndpoint() {
        tracing.withPropertyValues("management.otlp.tracing.endpoint=http://127.0.0.1:4318/v1/traces")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OtlpHttpSpanExporter.class);
                    assertThat(context.getBean(OtlpHttpSpanExporter.class).toString())
                            .contains("endpoint=http://127.0.0.1:4318/v1/traces");
                });
    }

    @Test
    void shouldTraceTheRoutesUnlessTracingIsTurnedOff() {
        ApplicationContextRunner hub = tracing.withUserConfiguration(TracingConfiguration.class)
                .withBean(CamelContext.class, DefaultCamelContext::new)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

        hub.run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpenTelemetryTracer.class));
        hub.withPropertyValues("switchboard.tracing.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenTelemetryTracer.class));
    }
}
