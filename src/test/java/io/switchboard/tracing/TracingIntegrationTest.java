package io.switchboard.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.switchboard.dialect.v5.V5Message;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * One message through the whole hub with every span kept in memory (an exporter the actuator's OpenTelemetry SDK
 * picks up, as it would an OTLP one): the span of the request that accepted it, of the dispatch that took it off the
 * outbound queue, of the carrier call and of the webhook delivery share one trace, whose id the message's path shows,
 * and the carrier and the subscriber each got a {@code traceparent} header of that trace; a carrier's callback that
 * names a trace continues it. Its own context: every message sampled, the batch of spans exported at once.
 */
@Import(TracingIntegrationTest.SpansInMemory.class)
@TestPropertySource(properties = {
    "switchboard.test.context=tracing",
    "management.tracing.sampling.probability=1.0",
    "management.tracing.opentelemetry.export.schedule-delay=50ms"
})
class TracingIntegrationTest extends HubIntegrationTest {

    private static final AttributeKey<String> CAMEL_URI = AttributeKey.stringKey("camel.uri");
    private static final AttributeKey<String> OP = AttributeKey.stringKey("op");
    private static final AttributeKey<String> HTTP_URL = AttributeKey.stringKey("http.url");

    @TestConfiguration(proxyBeanMethods = false)
    static class SpansInMemory {

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    private InMemorySpanExporter spans;

    @Autowired
    private SandboxLedger sandbox;

    @Autowired
    private ApplicationContext context;

    private WebhookReceiver receiver;
    private String subscriptionId;

    @BeforeEach
    void subscribe() {
        receiver = new WebhookReceiver();
        subscriptionId = subscribe(receiver.url(), List.of("message.sent")).path("id").asText();
    }

    @AfterEach
    void unsubscribe() {
        assertThat(hub().delete("/v1/webhooks/" + subscriptionId, "Authorization", V1_KEY).status()).isEqualTo(204);
        receiver.close();
    }

    @Test
    void shouldFollowOneMessageFromItsRequestThroughTheCarrierToItsWebhookInOneTrace() {
        String recipient = "+4917600000404";
        String messageId = sendV1(recipient);

        eventually().until(() -> receiver.about(messageId, "message.sent").size() == 1);
        String traceId = hub().get("/actuator/messages/" + messageId, "Authorization", OPERATOR).json()
                .path("traceId").asText();
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));

        SpanData accept = eventuallySpan(traceId, span -> received(span) && uri(span).contains("v1/messages"));
        SpanData dispatch = eventuallySpan(traceId,
                span -> received(span) && uri(span).contains("queue:switchboard.outbound"));
        SpanData carrierCall = eventuallySpan(traceId, span -> sent(span) && uri(span).startsWith("carrier-http:")
                && String.valueOf(span.getAttributes().get(HTTP_URL)).contains("/sandbox/v5/"));
        SpanData webhookPost = eventuallySpan(traceId, span -> sent(span) && uri(span).startsWith("webhook-http:"));
        assertThat(accept.getParentSpanContext().isValid()).as("the request starts the trace").isFalse();
        assertThat(dispatch.getParentSpanId()).as("the dispatch continues the accepting span across the queue")
                .isEqualTo(accept.getSpanId());
        assertThat(carrierCall.getStartEpochNanos()).isGreaterThan(dispatch.getStartEpochNanos());

        WebhookReceiver.Received sent = receiver.about(messageId, "message.sent").get(0);
        assertThat(sent.header("traceparent")).as("the subscriber can join the trace")
                .isEqualTo("00-" + traceId + "-" + webhookPost.getSpanId() + "-01");
        assertThat(sandbox.entries()).filteredOn(entry -> recipient.substring(1).equals(entry.recipient()))
                .singleElement().satisfies(call -> assertThat(call.headerNames()).contains("traceparent"));
    }

    @Test
    void shouldMakeNoSpanOfTheInternalHops() {
        String messageId = sendV1("+4917600000405");

        eventually().until(() -> receiver.about(messageId, "message.sent").size() == 1);
        String traceId = hub().get("/actuator/messages/" + messageId, "Authorization", OPERATOR).json()
                .path("traceId").asText();
        eventuallySpan(traceId, span -> sent(span) && uri(span).startsWith("webhook-http:"));
        assertThat(spans.getFinishedSpanItems()).extracting(TracingIntegrationTest::uri)
                .isNotEmpty().noneMatch(uri -> uri.startsWith("direct:") || uri.startsWith("timer:"));
    }

    @Test
    void shouldContinueTheTraceACarriersCallbackNames() {
        String recipient = "+4917600000402";
        String messageId = sendV1(recipient);
        eventually().until(() -> timeline(messageId), List.of("queued", "sent")::equals);
        SandboxLedger.Entry sent = sandbox.entries().stream()
                .filter(entry -> recipient.substring(1).equals(entry.recipient())).findFirst().orElseThrow();
        String callbackUrl = ((V5Message) sent.request()).callbackURL();
        String carriersTrace = "4bf92f3577b34da6a3ce929d0e0e4736";

        HubClient.Response answered = hub().postJson(callbackUrl.substring(callbackUrl.indexOf("/callbacks/v5")),
                Map.of("messageGUID", sent.carrierMessageId(), "status", "DELIVERED"),
                "traceparent", "00-" + carriersTrace + "-00f067aa0ba902b7-01");

        assertThat(answered.status()).isEqualTo(200);
        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        SpanData callback = eventuallySpan(carriersTrace,
                span -> received(span) && uri(span).contains("callbacks/v5"));
        assertThat(callback.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        eventuallySpan(carriersTrace, span -> sent(span) && uri(span).contains("topic:switchboard.events"));
    }

    @Test
    void shouldExportNowhereButWhereTheTestAsksWithoutAnOtlpEndpoint() {
        assertThat(context.getBeansOfType(SpanExporter.class).values()).containsExactly(spans);
    }

    private SpanData eventuallySpan(String traceId, Predicate<SpanData> wanted) {
        return eventually().until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId)).filter(wanted).findFirst().orElse(null),
                span -> span != null);
    }

    private static String uri(SpanData span) {
        return String.valueOf(span.getAttributes().get(CAMEL_URI));
    }

    private static boolean received(SpanData span) {
        return "EVENT_RECEIVED".equals(span.getAttributes().get(OP));
    }

    private static boolean sent(SpanData span) {
        return "EVENT_SENT".equals(span.getAttributes().get(OP));
    }
}
