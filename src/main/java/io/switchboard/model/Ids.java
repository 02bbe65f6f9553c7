package io.switchboard.model;

import com.github.f4b6a3.ulid.UlidCreator;

/**
 * Hub identifiers: a type prefix and a lower-case ULID, so ids sort by creation time and contain no '.', which
 * Standard Webhooks forbids in {@code webhook-id}.
 */
public final class Ids {

    private Ids() {
    }

    public static String messageId() {
        return "msg_" + ulid();
    }

    public static String eventId() {
        return "evt_" + ulid();
    }

    /** A message a user sent to a business sender. */
    public static String inboundId() {
        return "inb_" + ulid();
    }

    /** A user's conversation with a business sender. */
    public static String conversationId() {
        return "conv_" + ulid();
    }

    public static String webhookId() {
        return "wh_" + ulid();
    }

    private static String ulid() {
        return UlidCreator.getMonotonicUlid().toLowerCase();
    }
}
