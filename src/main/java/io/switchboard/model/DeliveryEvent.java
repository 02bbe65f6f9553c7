package io.switchboard.model;

import java.time.Instant;

/**
 * Something that happened to a message, normalized from whichever carrier reported it.
 *
 * @param id               {@code evt_} followed by a time-ordered unique id; webhooks use it as their id
 * @param type             what happened
 * @param occurredAt       when the carrier says it happened (or when the hub saw it, if the carrier did not say)
 * @param messageId        the hub's message id
 * @param tenantId         the tenant that owns the message
 * @param carrier          the carrier connector that reported it, or null for events the hub raised itself
 * @param carrierMessageId the carrier's own id for the leg, or null
 * @param channel          the channel of the leg the event is about
 * @param reason           why, for failures and failovers, at most {@value Reasons#MAX_LENGTH} characters (a longer
 *                         carrier text is cut); null otherwise
 * @param envelope         the message's sender, recipient and requested channel, for webhooks; null in an event
 *                         published before events carried it
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
        Envelope envelope) {

    public DeliveryEvent {
        reason = Reasons.bounded(reason);
    }

    /**
     * Identifies the fact this event reports, so a repeated carrier callback for the same fact is recognised: the
     * broker drops it (duplicate detection) and the timeline keeps one row.
     */
    public String dedupeKey() {
        return messageId + ":" + (carrierMessageId == null ? "hub" : carrierMessageId) + ":" + type.wireName();
    }
}
