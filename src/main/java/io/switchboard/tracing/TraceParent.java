package io.switchboard.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/** The W3C {@code traceparent} value a span's context travels in, read by OpenTelemetry's own propagator. */
public final class TraceParent {

    /** The header, and the JMS property: a valid Java identifier, so JMS carries it under this name. */
    public static final String HEADER = "traceparent";

    /** Vendor data that goes with {@link #HEADER}, passed on untouched. */
    public static final String STATE_HEADER = "tracestate";

    private static final TextMapGetter<String> VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceParent) {
            return List.of(HEADER);
        }

        @Override
        public String get(String traceParent, String key) {
            return HEADER.equals(key) ? traceParent : null;
        }
    };

    private TraceParent() {
    }

    /** The trace id (32 lower-case hex digits) a {@code traceparent} names, or null when it is absent or invalid. */
    public static String traceId(String traceParent) {
        if (traceParent == null) {
            return null;
        }
        SpanContext span = Span.fromContext(W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), traceParent, VALUE)).getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
