package io.switchboard.testing.prodstack;

import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.HubClient;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * A steady mixed load of the README's example messages in the three client dialects, sent as a careful client sends
 * them: one Idempotency-Key per message, and the same request again after a 503 or 429 (waiting what Retry-After
 * says), a refused connection or a lost answer (backing off), until the hub accepts it. Every message goes to a
 * number of its own, so whatever reaches a carrier or a webhook belongs to exactly one message. Every answer of every
 * attempt is counted, so a 404 or 500 on the way shows, however the message ended. Given several hubs, it sends to
 * each in turn, and a retry goes to the next one, as a client that knows several addresses of the service does.
 */
public final class SteadyLoad implements AutoCloseable {

    /** What a message exercises: its client dialect, and the number prefix and last two digits that route it. */
    public record Kind(String dialect, String prefix, String row) {

        String recipient(int serial) {
            return prefix + "%05d".formatted(serial) + row;
        }
    }

    /** A message the hub accepted: its id, what it exercises, when, and how many requests it took. */
    public record Accepted(String messageId, Kind kind, String recipient, Instant at, int attempts) {
    }

    /** A request the hub refused for good (a 4xx other than 429, a 5xx other than 503), or that ran out of time. */
    public record Refused(Kind kind, String recipient, String answer) {
    }

    /** An answer that is not an answer: the connection was refused or reset, or the request timed out. */
    public static final String NO_ANSWER = "no answer";

    /** As long as the hub's own retries of a dispatch (about 20 minutes): a careful client does not give up sooner. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(20);
    /** The first wait after no answer; it doubles with each attempt up to {@link #LONGEST_BACK_OFF}. */
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(250);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(4);

    private final List<HubClient> hubs;
    private final ExampleMessages.Credentials tenant;
    private final List<Kind> mix;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(16);
    private final AtomicInteger serial = new AtomicInteger();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong acceptedCount = new AtomicLong();
    private final Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final Queue<Refused> refused = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

    private SteadyLoad(List<HubClient> hubs, ExampleMessages.Credentials tenant, List<Kind> mix) {
        this.hubs = List.copyOf(hubs);
        this.tenant = tenant;
        this.mix = List.copyOf(mix);
    }

    /** Starts sending {@code perSecond} messages a second, going round the mix. */
    public static SteadyLoad start(HubClient hub, ExampleMessages.Credentials tenant, List<Kind> mix,
            int perSecond) {
        return start(List.of(hub), tenant, mix, perSecond);
    }

    /** Starts sending {@code perSecond} messages a second, going round the mix and round the hubs. */
    public static SteadyLoad start(List<HubClient> hubs, ExampleMessages.Credentials tenant, List<Kind> mix,
            int perSecond) {
        SteadyLoad load = new SteadyLoad(hubs, tenant, mix);
        load.ticker.scheduleAtFixedRate(load::sendNext, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return load;
    }

    private void sendNext() {
        int number = serial.incrementAndGet();
        Kind kind = mix.get(number % mix.size());
        String recipient = kind.recipient(number);
        ExampleMessages.Request request = ExampleMessages.request(tenant, kind.dialect(), recipient);
        outstanding.incrementAndGet();
        senders.execute(() -> attempt(request, kind, recipient, UUID.randomUUID().toString(), number, 1,
                Instant.now()));
    }

    private void attempt(ExampleMessages.Request request, Kind kind, String recipient, String key, int number,
            int attempt, Instant first) {
        String answer;
        Duration retryAfter = backOff(attempt);
        try {
            HubClient hub = hubs.get((number + attempt) % hubs.size());
            HubClient.Response response = request.send(hub, "Idempotency-Key", key);
            answer = String.valueOf(response.status());
            if (response.status() == request.success()) {
                count(answer);
                accepted.add(new Accepted(request.messageId(response), kind, recipient, Instant.now(), attempt));
                acceptedCount.incrementAndGet();
                outstanding.decrementAndGet();
                return;
            }
            if (response.status() != 503 && response.status() != 429) {
                count(answer);
                refused.add(new Refused(kind, recipient, response.toString()));
                outstanding.decrementAndGet();
                return;
            }
            if (response.header("Retry-After") != null) {
                retryAfter = Duration.ofSeconds(Long.parseLong(response.header("Retry-After")));
            }
        } catch (UncheckedIOException e) {
            answer = NO_ANSWER;
        }
        count(answer);
        if (Duration.between(first, Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
            refused.add(new Refused(kind, recipient, "still " + answer + " after " + GIVE_UP_AFTER));
            outstanding.decrementAndGet();
            return;
        }
        senders.schedule(() -> attempt(request, kind, recipient, key, number, attempt + 1, first),
                retryAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration backOff(int attempt) {
        Duration wait = FIRST_BACK_OFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return wait.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : wait;
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, any -> new AtomicInteger()).incrementAndGet();
    }

    /** How many messages the hub has accepted so far. */
    public long acceptedSoFar() {
        return acceptedCount.get();
    }

    /**
     * Waits until the messages begun and not yet accepted are fewer than {@code count}: the hub has caught up with
     * the requests that piled up while it was away.
     */
    public void awaitCaughtUp(int count) {
        Awaitility.await("fewer than " + count + " messages waiting for the hub").atMost(GIVE_UP_AFTER)
                .pollInterval(Duration.ofMillis(100)).until(() -> outstanding.get() < count);
    }

    /** Waits until the hub has accepted {@code more} messages than so far. */
    public void awaitAcceptedMore(long more) {
        long target = acceptedSoFar() + more;
        Awaitility.await("the load to reach " + target + " accepted").atMost(GIVE_UP_AFTER)
                .pollInterval(Duration.ofMillis(50)).until(() -> acceptedSoFar() >= target);
    }

    /** Sends no more, and waits until every message begun is accepted or refused for good. */
    public void finish() {
        ticker.shutdownNow();
        Awaitility.await("the load's last messages").atMost(GIVE_UP_AFTER.plusMinutes(1))
                .pollInterval(Duration.ofMillis(200)).until(() -> outstanding.get() == 0);
        senders.shutdownNow();
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** The hub's ids of these accepted messages. */
    public static List<String> messageIds(List<Accepted> accepted) {
        return accepted.stream().map(Accepted::messageId).toList();
    }

    public List<Refused> refused() {
        return List.copyOf(refused);
    }

    /** Every attempt's answer, by HTTP status or {@link #NO_ANSWER}, with how often it came. */
    public Map<String, Integer> answers() {
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach((answer, count) -> counts.put(answer, count.get()));
        return counts;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
    }
}
