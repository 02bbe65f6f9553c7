package io.switchboard.model;

import java.time.Instant;

/**
 * Something a user did towards a business sender, as a carrier reported it: a message ({@link EventType#RECEIVED}:
 * text, a tapped suggestion, a shared location, files) or typing ({@link EventType#USER_TYPING}). Read receipts are
 * not inbound events: they are the {@code message.read} status of the hub's message.
 *
 * @param id               {@code inb_} followed by a time-ordered unique id
 * @param type             {@link EventType#RECEIVED} or {@link EventType#USER_TYPING}
 * @param occurredAt       when the carrier says it happened, or when the hub saw it
 * @param carrier          the carrier connector that reported it
 * @param carrierMessageId the carrier's id for the user's message; null for typing
 * @param channel          the channel the user wrote on
 * @param agent            the business sender the user wrote to: an RCS agent id, or a phone number in E.164
 * @param user             the user's phone number in E.164
 * @param message          what the user sent; null for typing
 * @param inReplyTo        the carrier's id of the hub's message the user answered (a tapped suggestion names it),
 *                         or null
 */
public record InboundEvent(String id, EventType type, Instant occurredAt, String carrier, String carrierMessageId,
        Channel channel, String agent, String user, UserMessage message, String inReplyTo) {
}
