package io.switchboard.store;

import io.switchboard.model.Message;

/**
 * What recording an accepted message found.
 *
 * @param message the message the hub keeps: the one given, or for a replay the one the idempotency key already named
 */
public record Acceptance(Outcome outcome, Message message) {

    public enum Outcome {
        /** Recorded now. */
        RECORDED,
        /** This very message (same id) was recorded before: dispatch repairing ingress, or a redelivery. */
        ALREADY_RECORDED,
        /** Another message with the same idempotency key and the same request is recorded: answer with that one. */
        REPLAY,
        /** Another message with the same idempotency key but a different request is recorded: refuse. */
        CONFLICT
    }
}
