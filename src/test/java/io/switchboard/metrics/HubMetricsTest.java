package io.switchboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.metrics.HubMetrics.CarrierSend;
import io.switchboard.metrics.HubMetrics.DeliveryStage;
import io.switchboard.metrics.HubMetrics.WebhookOutcome;
import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

/** Every tag a metric gets comes from a bounded set, whatever the hub is handed. */
class HubMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HubMetrics metrics = new HubMetrics(registry, 8);

    @Test
    void shouldCountAnAttemptBeyondTheLastAsTheLastAndNoneBelowTheFirst() {
        metrics.webhookDelivery(WebhookOutcome.RETRIED, 1, Dialect.V1);
        metrics.webhookDelivery(WebhookOutcome.DEAD_LETTERED, 8, Dialect.V1);
        metrics.webhookDelivery(WebhookOutcome.DEAD_LETTERED, 31, Dialect.V1);
        metrics.webhookDelivery(WebhookOutcome.RETRIED, 0, null);

        assertThat(webhooks("dead_lettered", "8", "v1")).isEqualTo(2);
        assertThat(webhooks("retried", "1", "v1")).isEqualTo(1);
        assertThat(webhooks("retried", "1", "unknown")).isEqualTo(1);
        assertThat(registry.find("switchboard.webhook.deliveries").counters()).hasSize(3);
    }

    @Test
    void shouldNameATenantNotYetKnownUnknown() {
        metrics.refused(null, "v1", "unauthorized");
        metrics.refused("", "v5", "unauthorized");
        metrics.refused("demo", "v1", "invalid");

        assertThat(registry.get("switchboard.messages.refused").tags("tenant", "unknown", "dialect", "v1",
                "reason", "unauthorized").counter().count()).isEqualTo(1);
        assertThat(registry.get("switchboard.messages.refused").tags("tenant", "unknown", "dialect", "v5")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("switchboard.messages.refused").tags("tenant", "demo", "reason", "invalid")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void shouldNameACallThatThrewByItsDeepestCauseAndAnAnswerByItsStatus() {
        Throwable wrapped = new CamelExecutionException("call failed", null,
                new CompletionException(new ConnectException("Connection refused")));

        assertThat(HubMetrics.exceptionCause(wrapped)).isEqualTo("ConnectException");
        assertThat(HubMetrics.exceptionCause(new SocketTimeoutException("Read timed out")))
                .isEqualTo("SocketTimeoutException");
        assertThat(HubMetrics.exceptionCause(new IllegalStateException("anonymous") { })).isEqualTo(
                "IllegalStateException");
        assertThat(HubMetrics.httpCause(503)).isEqualTo("http_503");
        assertThat(HubMetrics.httpCause(0)).isEqualTo("http_0");
        assertThat(HubMetrics.httpCause(1000)).isEqualTo("http_other");
    }

    @Test
    void shouldTagCarrierSendsByOutcomeAndCauseAndTimeOnlyTheCallsMade() {
        metrics.carrierAnswered("sandbox-v5", Channel.RCS, CarrierSend.ACCEPTED, 200, 5_000_000);
        metrics.carrierAnswered("sandbox-v5", Channel.RCS, CarrierSend.RETRIED, 503, 7_000_000);
        metrics.carrierUnreachable("sandbox-v5", Channel.RCS, new ConnectException("refused"), 1_000_000);
        metrics.carrierKeptAway("sandbox-v5", Channel.RCS);

        assertThat(sends("accepted", "none")).isEqualTo(1);
        assertThat(sends("retried", "http_503")).isEqualTo(1);
        assertThat(sends("failed", "ConnectException")).isEqualTo(1);
        assertThat(sends("breaker_open", "breaker_open")).isEqualTo(1);
        Timer accepted = registry.get("switchboard.carrier.call").tags("carrier", "sandbox-v5", "outcome", "accepted")
                .timer();
        assertThat(accepted.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5);
        assertThat(registry.find("switchboard.carrier.call").timers()).hasSize(3);
    }

    @Test
    void shouldRecordALatencyAsZeroWhenTheCarriersClockIsBehind() {
        metrics.deliveryLatency("sandbox-v5", Channel.RCS, DeliveryStage.DELIVERED, Duration.ofSeconds(-2));
        metrics.deliveryLatency(null, Channel.SMS, DeliveryStage.SENT, Duration.ofMillis(1500));

        Timer delivered = registry.get("switchboard.delivery.latency").tags("carrier", "sandbox-v5",
                "channel", "rcs", "stage", "delivered").timer();
        assertThat(delivered.count()).isEqualTo(1);
        assertThat(delivered.totalTime(TimeUnit.MILLISECONDS)).isZero();
        assertThat(registry.get("switchboard.delivery.latency").tags("carrier", "unknown", "channel", "sms",
                "stage", "sent").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldShowEveryEventTypeFromTheStartAndCountEachRecord() {
        metrics.eventRecorded(EventType.DELIVERED);
        metrics.eventRecorded(EventType.DELIVERED);

        assertThat(registry.find("switchboard.events").counters()).hasSize(EventType.values().length);
        assertThat(registry.get("switchboard.events").tag("type", "message.delivered").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("switchboard.events").tag("type", "user.typing").counter().count()).isZero();
    }

    @Test
    void shouldKeepOneMeterPerTagCombination() {
        metrics.accepted("demo", Dialect.V1, Channel.RCS);
        metrics.accepted("demo", Dialect.V1, Channel.RCS);
        metrics.accepted("demo", Dialect.PINNACLE, Channel.SMS);

        Counter v1 = registry.get("switchboard.messages.accepted").tags("tenant", "demo", "dialect", "v1",
                "channel", "rcs").counter();
        assertThat(v1.count()).isEqualTo(2);
        assertThat(registry.find("switchboard.messages.accepted").counters()).hasSize(2);
    }

    private double webhooks(String outcome, String attempt, String dialect) {
        return registry.get("switchboard.webhook.deliveries").tags("outcome", outcome, "attempt", attempt,
                "dialect", dialect).counter().count();
    }

    private double sends(String outcome, String cause) {
        return registry.get("switchboard.carrier.sends").tags("carrier", "sandbox-v5", "channel", "rcs",
                "outcome", outcome, "cause", cause).counter().count();
    }
}
