package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The normalized event vocabulary every carrier's statuses are mapped into. */
public enum EventType {
    QUEUED("message.queued", 0),
    SENT("message.sent", 1),
    FAILOVER("message.failover", 1),
    DELIVERED("message.delivered", 2),
    READ("message.read", 3),
    FAILED("message.failed", 4),
    EXPIRED("message.expired", 4),
    REVOKED("message.revoked", 4),
    RECEIVED("message.received", -1),
    CONVERSATION_STARTED("conversation.started", -1),
    CONVERSATION_ENDED("conversation.ended", -1),
    USER_TYPING("user.typing", -1);

    private final String wireName;
    private final int statusRank;

    EventType(String wireName, int statusRank) {
        this.wireName = wireName;
        this.statusRank = statusRank;
    }

    /** The name used in webhooks and subscriptions, such as {@code message.delivered}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * How far along its life a message is once this event happened. A message's status only moves to an event of a
     * higher rank, so a late {@code sent} after {@code delivered} stays in the timeline but does not win.
     * Events that say nothing about an outbound message's status have a negative rank.
     */
    public int statusRank() {
        return statusRank;
    }

    public boolean changesStatus() {
        return statusRank >= 0;
    }

    /** The lower-case status word, such as {@code delivered}, used in timelines. */
    public String statusWord() {
        return wireName.substring(wireName.indexOf('.') + 1);
    }

    @JsonCreator
    public static EventType fromWireName(String wireName) {
        for (EventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown event type '" + wireName + "'");
    }
}
