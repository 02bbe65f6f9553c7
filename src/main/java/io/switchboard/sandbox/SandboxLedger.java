package io.switchboard.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What the sandbox carriers were asked to send, newest last, so tests and people can count sends. Keeps the last
 * {@value #CAPACITY} requests.
 */
@Component
public class SandboxLedger {

    static final int CAPACITY = 10_000;

    private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    /** Records a request that reached a sandbox carrier, whatever the answer. */
    public void record(String carrier, String recipient, Set<String> headerNames, Object request, int httpStatus,
            String carrierMessageId) {
        entries.addLast(new Entry(carrier, recipient, Set.copyOf(headerNames), request, httpStatus, carrierMessageId,
                Instant.now()));
        if (size.incrementAndGet() > CAPACITY) {
            entries.pollFirst();
            size.decrementAndGet();
        }
    }

    /**
     * Counts an attempt of a request that fails a few times before it succeeds.
     *
     * @param requestKey identifies the request across retries (a hash of its body)
     * @param failures   how many attempts fail
     * @return true if this attempt fails; the count is forgotten once an attempt succeeds
     */
    public boolean failsThisAttempt(String requestKey, int failures) {
        int attempt = attempts.computeIfAbsent(requestKey, key -> new AtomicInteger()).incrementAndGet();
        if (attempt > failures) {
            attempts.remove(requestKey);
            return false;
        }
        return true;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /**
     * @param headerNames      the HTTP headers the request came with, lower case
     * @param request          the request as the carrier read it, in its dialect's wire record
     * @param httpStatus       what the sandbox answered
     * @param carrierMessageId the id it gave an accepted send, else null
     */
    public record Entry(String carrier, String recipient, Set<String> headerNames, Object request, int httpStatus,
            String carrierMessageId, Instant at) {

        public boolean accepted() {
            return carrierMessageId != null;
        }
    }
}
