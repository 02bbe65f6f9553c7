package io.switchboard.webhook;

import java.time.Instant;

/**
 * How a subscription's deliveries are going: active while they succeed, failing from the first failed attempt after
 * the last success, disabled (and then given nothing) once the subscriber answered 410 Gone, failed for longer than
 * {@code switchboard.webhooks.disable-after}, or the client turned it off.
 *
 * @param failingSince   the first failed attempt since the last success; null while deliveries succeed
 * @param lastFailure    the latest failed attempt, kept after a success as history; null if none failed
 * @param disabledAt     when it was disabled; null while it is enabled
 * @param disabledReason why; null while it is enabled
 */
public record WebhookHealth(Instant failingSince, Failure lastFailure, Instant disabledAt,
        DisabledReason disabledReason) {

    public static final WebhookHealth ACTIVE = new WebhookHealth(null, null, null, null);

    public State state() {
        if (disabledAt != null) {
            return State.DISABLED;
        }
        return failingSince != null ? State.FAILING : State.ACTIVE;
    }

    public enum State { ACTIVE, FAILING, DISABLED }

    /** The words the API and the metrics use; the hub disables for the first two, the client for the last. */
    public enum DisabledReason {
        GONE("gone"), FAILING("failing"), CLIENT("client");

        private final String word;

        DisabledReason(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static DisabledReason ofWord(String word) {
            for (DisabledReason reason : values()) {
                if (reason.word.equals(word)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("Unknown reason for a disabled webhook: " + word);
        }
    }

    /**
     * One failed attempt.
     *
     * @param status the subscriber's HTTP status; null when it gave none (no connection, no answer in time)
     * @param reason the status line's words, or what kept the attempt from an answer
     */
    public record Failure(Instant at, Integer status, String reason) {
    }
}
