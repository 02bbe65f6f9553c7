package io.switchboard.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What the sandbox carriers were asked to send, newest last, so tests and people can count sends. Keeps the last
 * {@value #CAPACITY} requests, and a count of requests and sends for every leg it ever saw, so a test can tell a leg
 * sent twice however long it ran.
 */
@Component
public class SandboxLedger {

    static final int CAPACITY = 10_000;

    private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LegCounter> legs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LastMessage> lastMessages = new ConcurrentHashMap<>();

    /**
     * Records a request that reached a sandbox carrier, whatever the answer.
     *
     * @param leg what identifies the hub's leg in the request, in the carrier's terms; null when it has none
     */
    public void record(String carrier, String recipient, String leg, Set<String> headerNames, Object request,
            int httpStatus, String carrierMessageId) {
        entries.addLast(new Entry(carrier, recipient, leg, Set.copyOf(headerNames), request, httpStatus,
                carrierMessageId, Instant.now()));
        if (size.incrementAndGet() > CAPACITY) {
            entries.pollFirst();
            size.decrementAndGet();
        }
        if (leg != null) {
            legs.computeIfAbsent(leg, key -> new LegCounter(carrier)).count(carrierMessageId != null);
        }
    }

    /** Records the message a sandbox carrier accepted for a user, the one that user answers next. */
    public void sentToUser(LastMessage message) {
        lastMessages.put(digits(message.user()), message);
    }

    /** The message a sandbox carrier last accepted for this number, written with or without its {@code +}. */
    public Optional<LastMessage> lastSentTo(String number) {
        return Optional.ofNullable(lastMessages.get(digits(number)));
    }

    private static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }

    /**
     * Counts a request a carrier answered from its idempotency memory (v1's Idempotency-Key): the hub asked again,
     * nothing was sent again.
     */
    public void recordReplay(String carrier, String leg) {
        legs.computeIfAbsent(leg, key -> new LegCounter(carrier)).count(false);
    }

    /** Requests and sends per leg, since the sandbox started. */
    public Map<String, LegTally> legs() {
        Map<String, LegTally> tallies = new TreeMap<>();
        legs.forEach((leg, counter) -> tallies.put(leg, counter.tally()));
        return tallies;
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
     * @param leg              see {@link #record}
     * @param headerNames      the HTTP headers the request came with, lower case
     * @param request          the request as the carrier read it, in its dialect's wire record
     * @param httpStatus       what the sandbox answered
     * @param carrierMessageId the id it gave an accepted send, else null
     */
    public record Entry(String carrier, String recipient, String leg, Set<String> headerNames, Object request,
            int httpStatus, String carrierMessageId, Instant at) {

        public boolean accepted() {
            return carrierMessageId != null;
        }
    }

    /**
     * A message a sandbox carrier accepted for a user, as far as the user's answer needs it.
     *
     * @param user       the user's number, as the carrier's dialect writes it
     * @param sender     who sent it, as the carrier's dialect names it: an agent id, a number or a channel
     * @param rcs        whether it went as RCS (else SMS or MMS)
     * @param messageId  the carrier's id for it
     * @param suggestion its first suggested reply (else its first suggestion), or null
     */
    public record LastMessage(String carrier, String user, String sender, boolean rcs, String messageId,
            Suggested suggestion) {
    }

    /** A suggestion as the message gave it: its text and its postback data. */
    public record Suggested(String text, String postbackData) {
    }

    /**
     * @param requests how many times the carrier was asked to send the leg
     * @param sends    how many of those it accepted and sent: more than one reaches the person more than once
     */
    public record LegTally(String carrier, int requests, int sends) {
    }

    private static final class LegCounter {

        private final String carrier;
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger sends = new AtomicInteger();

        LegCounter(String carrier) {
            this.carrier = carrier;
        }

        void count(boolean sent) {
            requests.incrementAndGet();
            if (sent) {
                sends.incrementAndGet();
            }
        }

        LegTally tally() {
            return new LegTally(carrier, requests.get(), sends.get());
        }
    }
}
