package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Something that happened to a message, normalized from whichever carrier reported it.
 *
 * @param id               {@code evt_} followed by a time-ordered unique id; webhooks use it as their id
 * @param type             what happened
 * @param occurredAt       when the carrier says it happened (or when the hub saw it, if the carrier did not say)
 * @param messageId        the hub's message id; for an event about a user, the message they answered
 * @param tenantId         the tenant that owns the message
 * @param carrier          the carrier connector that reported it, or null for events the hub raised itself
 * @param carrierMessageId the carrier's own id for the leg, or null; for an event about a user: the carrier's id of
 *                         the user's message, the hub's of their typing, the conversation's id for a conversation
 * @param channel          the channel of the leg the event is about
 * @param reason           why, for failures and failovers, at most {@value Reasons#MAX_LENGTH} characters (a longer
 *                         carrier text is cut); null otherwise
 * @param envelope         the message's sender, recipient and requested channel, for webhooks; null in an event
 *                         published before events carried it
 * @param sequence         the event's place in its message's timeline, from 1 ({@code message.queued}), given when the
 *                         timeline records it; a repeat of an event keeps the place of the first; null before that
 * @param inbound          for a user's message, typing or conversation: the user's side; null for a status event
 */
public record DeliveryEvent(
        String id,
        EventType type,
        Instant occurredAt,
        String messageId,
        String tenantId,
        String carrier,
        String carrierMessageId,
        Channel channel,
        String reason,
        Envelope envelope,
        Long sequence,
        @JsonInclude(JsonInclude.Include.NON_NULL) Inbound inbound) {

    public DeliveryEvent {
        reason = Reasons.bounded(reason);
    }

    /** An event not recorded in its message's timeline yet. */
    public DeliveryEvent(String id, EventType type, Instant occurredAt, String messageId, String tenantId,
            String carrier, String carrierMessageId, Channel channel, String reason, Envelope envelope) {
        this(id, type, occurredAt, messageId, tenantId, carrier, carrierMessageId, channel, reason, envelope, null,
                null);
    }

    /** This event at its place in the message's timeline. */
    public DeliveryEvent inSequence(long place) {
        return new DeliveryEvent(id, type, occurredAt, messageId, tenantId, carrier, carrierMessageId, channel, reason,
                envelope, place, inbound);
    }

    /**
     * Identifies the fact this event reports, so a repeated carrier callback for the same fact is recognised: the
     * broker drops it (duplicate detection) and the timeline keeps one row.
     */
    public String dedupeKey() {
        return messageId + ":" + (carrierMessageId == null ? "hub" : carrierMessageId) + ":" + type.wireName();
    }
}
