package io.switchboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the hub does for its tenants, counted for {@code /actuator/prometheus}: messages accepted and refused, carrier
 * sends and how long they took, how long messages take to be sent and delivered, failovers, events, webhook
 * deliveries and refused carrier callbacks (docs/operations.md, "Metrics"). Every tag value comes from a bounded set:
 * configured tenants and carriers, enums, HTTP status codes, exception class names; never an id, a number the client
 * chose, a URL or free text, so each metric has a bounded number of series.
 *
 * <p>These run on every message: each meter is created once for its tags and kept, so counting is one map lookup.
 */
@Component("hubMetrics")
public class HubMetrics {

    /** The tag value for a tenant, dialect, carrier or queue the hub does not know (yet), such as before login. */
    public static final String UNKNOWN = "unknown";
    /** The cause of a carrier send the carrier accepted. */
    static final String NO_CAUSE = "none";
    /** The cause of a carrier send its open breaker kept away. */
    static final String BREAKER_CAUSE = "breaker_open";

    private static final String HTTP_CAUSE = "http_";
    private static final int HTTP_STATUSES = 600;
    private static final String[] HTTP_CAUSES = new String[HTTP_STATUSES];

    static {
        for (int status = 0; status < HTTP_STATUSES; status++) {
            HTTP_CAUSES[status] = HTTP_CAUSE + status;
        }
    }

    private final MeterRegistry registry;
    private final int webhookAttempts;
    private final Map<Accepted, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<Refused, Counter> refused = new ConcurrentHashMap<>();
    private final Map<Replayed, Counter> replays = new ConcurrentHashMap<>();
    private final Map<CarrierSendTags, Counter> carrierSends = new ConcurrentHashMap<>();
    private final Map<CarrierCallTags, Timer> carrierCalls = new ConcurrentHashMap<>();
    private final Map<LatencyTags, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<FailoverTags, Counter> failovers = new ConcurrentHashMap<>();
    private final Map<EventType, Counter> events = new EnumMap<>(EventType.class);
    private final Map<WebhookTags, Counter> webhookDeliveries = new ConcurrentHashMap<>();
    private final Map<CallbackRefusal, Counter> callbacksRefused = new ConcurrentHashMap<>();

    /** @param webhookAttempts the attempts a webhook delivery gets; a later attempt is counted as this one */
    public HubMetrics(MeterRegistry registry,
            @Value("${switchboard.broker.webhook-retry.attempts:8}") int webhookAttempts) {
        this.registry = registry;
        this.webhookAttempts = Math.max(1, webhookAttempts);
        // every type from the start, so a rate over a type that has not happened yet is 0, not absent
        for (EventType type : EventType.values()) {
            events.put(type, Counter.builder("switchboard.events").tag("type", type.wireName())
                    .description("Events recorded in messages' timelines; a repeated event is not counted again")
                    .register(registry));
        }
    }

    /** A message recorded and queued: once per message, never for a replay of its request. */
    public void accepted(String tenantId, Dialect dialect, Channel channel) {
        cached(accepted, new Accepted(orUnknown(tenantId), dialect, channel), tags -> Counter
                .builder("switchboard.messages.accepted")
                .tags("tenant", tags.tenant(), "dialect", tags.dialect().id(), "channel", word(tags.channel()))
                .description("Messages accepted, once per message").register(registry)).increment();
    }

    /**
     * A request to a client API or the JMS ingress answered with a refusal (4xx or 503).
     *
     * @param tenantId null before the caller was authenticated
     * @param dialect  the dialect of the API called: {@code v1}, {@code v5}, {@code pinnacle}, or {@code jms} for a
     *                 JMS ingress message that names none the hub speaks
     * @param reason   the refusal's kind, a word from a bounded set such as {@code invalid} or {@code rate_limited}
     */
    public void refused(String tenantId, String dialect, String reason) {
        cached(refused, new Refused(orUnknown(tenantId), dialect, reason), tags -> Counter
                .builder("switchboard.messages.refused")
                .tags("tenant", tags.tenant(), "dialect", tags.dialect(), "reason", tags.reason())
                .description("Requests to the client APIs and the JMS ingress refused with a 4xx or 503")
                .register(registry)).increment();
    }

    /** A repeated Idempotency-Key answered with the message it named first. */
    public void replayed(String tenantId, Dialect dialect) {
        cached(replays, new Replayed(orUnknown(tenantId), dialect), tags -> Counter
                .builder("switchboard.idempotent.replays")
                .tags("tenant", tags.tenant(), "dialect", tags.dialect().id())
                .description("Requests with a repeated Idempotency-Key answered with the stored message")
                .register(registry)).increment();
    }

    /**
     * A carrier answered a call: its outcome with the HTTP status as cause ({@code none} when it accepted), and how
     * long the call took.
     *
     * @param outcome {@link CarrierSend#ACCEPTED}, {@link CarrierSend#REFUSED} or {@link CarrierSend#RETRIED}
     */
    public void carrierAnswered(String carrierId, Channel channel, CarrierSend outcome, int httpStatus, long nanos) {
        carrierSend(carrierId, channel, outcome, outcome == CarrierSend.ACCEPTED ? NO_CAUSE : httpCause(httpStatus));
        carrierCallTook(carrierId, outcome, nanos);
    }

    /** A carrier call got no answer: its cause is the exception's, see {@link #exceptionCause}. */
    public void carrierUnreachable(String carrierId, Channel channel, Throwable failure, long nanos) {
        carrierSend(carrierId, channel, CarrierSend.FAILED, exceptionCause(failure));
        carrierCallTook(carrierId, CarrierSend.FAILED, nanos);
    }

    /** The carrier's open circuit breaker kept a call away from it. */
    public void carrierKeptAway(String carrierId, Channel channel) {
        carrierSend(carrierId, channel, CarrierSend.BREAKER_OPEN, BREAKER_CAUSE);
    }

    private void carrierSend(String carrierId, Channel channel, CarrierSend outcome, String cause) {
        cached(carrierSends, new CarrierSendTags(carrierId, channel, outcome, cause), tags -> Counter
                .builder("switchboard.carrier.sends")
                .tags("carrier", tags.carrier(), "channel", word(tags.channel()), "outcome", word(tags.outcome()),
                        "cause", tags.cause())
                .description("Carrier calls by their outcome, and calls kept away by the carrier's open breaker")
                .register(registry)).increment();
    }

    private void carrierCallTook(String carrierId, CarrierSend outcome, long nanos) {
        cached(carrierCalls, new CarrierCallTags(carrierId, outcome), tags -> Timer
                .builder("switchboard.carrier.call")
                .tags("carrier", tags.carrier(), "outcome", word(tags.outcome()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .description("How long each carrier HTTP call took").register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** From a message's acceptance to its first {@code message.sent} or {@code message.delivered}. */
    public void deliveryLatency(String carrierId, Channel channel, DeliveryStage stage, Duration sinceAccepted) {
        cached(latencies, new LatencyTags(orUnknown(carrierId), channel, stage), tags -> Timer
                .builder("switchboard.delivery.latency")
                .tags("carrier", tags.carrier(), "channel", word(tags.channel()), "stage", word(tags.stage()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .description("From a message's acceptance to its first sent or delivered event")
                .register(registry))
                // a carrier whose clock runs behind the hub's reports a delivery before the acceptance
                .record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
    }

    /**
     * An RCS leg failed over by the hub.
     *
     * @param trigger what showed RCS did not arrive, a word from a bounded set such as {@code time_limit}
     * @param channel the channel of the leg it failed over to
     */
    public void failover(String trigger, Channel channel) {
        cached(failovers, new FailoverTags(trigger, channel), tags -> Counter.builder("switchboard.failovers")
                .tags("trigger", tags.trigger(), "channel", word(tags.channel()))
                .description("RCS legs the hub failed over to SMS or MMS").register(registry)).increment();
    }

    /** An event that joined its message's timeline now, the first time its fact was reported. */
    public void eventRecorded(EventType type) {
        events.get(type).increment();
    }

    /**
     * What a webhook delivery's attempt came to.
     *
     * @param attempt the attempt, from 1; one beyond the delivery's attempts counts as the last
     * @param dialect the dialect its payload is rendered in, or null when the delivery does not say
     */
    public void webhookDelivery(WebhookOutcome outcome, int attempt, Dialect dialect) {
        cached(webhookDeliveries, new WebhookTags(outcome, attemptTag(attempt), dialect), tags -> Counter
                .builder("switchboard.webhook.deliveries")
                .tags("outcome", word(tags.outcome()), "attempt", Integer.toString(tags.attempt()),
                        "dialect", tags.dialect() == null ? UNKNOWN : tags.dialect().id())
                .description("Webhook delivery attempts by their outcome").register(registry)).increment();
    }

    /**
     * A carrier callback its verification refused.
     *
     * @param dialect the carrier dialect of the callback path, or {@link #UNKNOWN}
     * @param reason  what was wrong with its proof, a word from a bounded set such as {@code signature}
     */
    public void callbackRefused(String dialect, String reason) {
        cached(callbacksRefused, new CallbackRefusal(dialect, reason), tags -> Counter
                .builder("switchboard.callbacks.refused")
                .tags("dialect", tags.dialect(), "reason", tags.reason())
                .description("Carrier callbacks refused by their verification").register(registry)).increment();
    }

    /** The attempt as its tag counts it: 1 up to the delivery's last attempt. */
    int attemptTag(int attempt) {
        return Math.min(Math.max(1, attempt), webhookAttempts);
    }

    /** The cause of a carrier send the carrier answered with this HTTP status, such as {@code http_503}. */
    static String httpCause(int status) {
        return status >= 0 && status < HTTP_STATUSES ? HTTP_CAUSES[status] : HTTP_CAUSE + "other";
    }

    /**
     * The cause of a carrier call that threw: the simple class name of the deepest cause, which says what went wrong
     * on the wire ({@code ConnectException}, {@code SocketTimeoutException}) under the wrappers around it.
     */
    static String exceptionCause(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        Class<?> type = deepest.getClass();
        while (type.getSimpleName().isEmpty()) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }

    private static String word(Enum<?> value) {
        return value == null ? UNKNOWN : value.name().toLowerCase(Locale.ROOT);
    }

    private static <K, M> M cached(Map<K, M> meters, K tags, Function<K, M> register) {
        M meter = meters.get(tags);
        return meter != null ? meter : meters.computeIfAbsent(tags, register);
    }

    /** What became of a carrier call. */
    public enum CarrierSend {
        /** The carrier took the send. */
        ACCEPTED,
        /** The carrier refused it for good. */
        REFUSED,
        /** The carrier answered with a passing failure (408, 429, 5xx, a 2xx without an id); the broker retries. */
        RETRIED,
        /** The call got no answer (refused connection, timeout); the broker retries. */
        FAILED,
        /** The carrier's circuit breaker kept the call away. */
        BREAKER_OPEN;

        /** As the metrics and a message's path name it. */
        public String word() {
            return HubMetrics.word(this);
        }
    }

    /** The first events of a message whose time since acceptance is measured. */
    public enum DeliveryStage {
        SENT,
        DELIVERED
    }

    /** What became of a webhook delivery's attempt. */
    public enum WebhookOutcome {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** It failed; the broker tries it again after its backoff. */
        RETRIED,
        /** The receiver asked for a later time (Retry-After); the delivery is queued again for then. */
        RESCHEDULED,
        /** The endpoint's breaker is open: the delivery waits parked until trial posts show it back. */
        PARKED,
        /** The receiver answered 410 Gone: the subscription is disabled and the delivery dropped. */
        GONE,
        /** The subscription failed for longer than {@code disable-after}: it is disabled, the delivery dropped. */
        DISABLED,
        /** Its attempts are spent: it is on the dead-letter queue. */
        DEAD_LETTERED
    }

    private record Accepted(String tenant, Dialect dialect, Channel channel) {
    }

    private record Refused(String tenant, String dialect, String reason) {
    }

    private record Replayed(String tenant, Dialect dialect) {
    }

    private record CarrierSendTags(String carrier, Channel channel, CarrierSend outcome, String cause) {
    }

    private record CarrierCallTags(String carrier, CarrierSend outcome) {
    }

    private record LatencyTags(String carrier, Channel channel, DeliveryStage stage) {
    }

    private record FailoverTags(String trigger, Channel channel) {
    }

    private record WebhookTags(WebhookOutcome outcome, int attempt, Dialect dialect) {
    }

    private record CallbackRefusal(String dialect, String reason) {
    }
}
