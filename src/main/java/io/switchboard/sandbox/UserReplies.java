package io.switchboard.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sandbox carrier's side of its users' answers: it posts what a user sends back to the hub as its dialect's inbound
 * callbacks, after the callbacks it already holds for the message, so typing and the answer come after the delivery
 * (and read) reports.
 */
interface UserReplies {

    /** The carrier's id, as the ledger records it. */
    String carrier();

    /** The dialect's typing callback for a user of this message, or empty where the dialect has none. */
    Optional<Object> typing(SandboxLedger.LastMessage to);

    /** The dialect's callback of the user's message. */
    Object message(SandboxLedger.LastMessage to, SandboxReply reply);

    /**
     * Posts these callbacks to the hub after the {@code earlier} ones.
     *
     * @throws NotPossibleException when the carrier has nowhere to post them
     */
    void post(int earlier, List<Object> callbacks);

    /**
     * Posts the user's typing (asked for, and where the dialect has it) and message as inbound callbacks.
     *
     * @param to      the message the user answers
     * @param earlier how many callbacks the carrier posts for the message before these
     * @return how many callbacks it posts
     * @throws NotPossibleException when the dialect cannot carry the reply: typing alone where it has none
     */
    default int reply(SandboxLedger.LastMessage to, SandboxReply reply, int earlier) {
        List<Object> callbacks = new ArrayList<>();
        if (reply.typesFirst()) {
            typing(to).ifPresent(callbacks::add);
        }
        if (reply.hasMessage()) {
            callbacks.add(message(to, reply));
        }
        if (callbacks.isEmpty()) {
            throw new NotPossibleException(carrier() + " reports no typing for the last message to " + to.user()
                    + " (typing exists for RCS only, and not on every carrier): give the reply's text.");
        }
        post(earlier, callbacks);
        return callbacks.size();
    }

    /** The reply is one the carrier's dialect cannot carry (typing alone where it has none), or cannot be posted. */
    final class NotPossibleException extends RuntimeException {

        NotPossibleException(String message) {
            super(message);
        }
    }
}
