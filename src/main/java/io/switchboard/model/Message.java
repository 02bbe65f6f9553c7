package io.switchboard.model;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One message accepted by the hub, independent of the dialect it arrived in.
 *
 * @param id             {@code msg_} followed by a time-ordered unique id
 * @param tenantId       the tenant whose credentials sent it
 * @param sourceDialect  the dialect it arrived in; responses and webhooks use it by default
 * @param idempotencyKey the client's key, when it sent one
 * @param sender         RCS agent id or sender phone number
 * @param recipient      E.164 phone number
 * @param content        what to show; its variant decides the channel
 * @param failover       the SMS/MMS legs to use when RCS fails; never null
 * @param callbackUrl    where the client wants status callbacks, when its dialect has one
 * @param timeToLive     how long delivery may take before the message expires or fails over, or null
 * @param sendAt         when to send a scheduled message, or null to send now
 * @param metadata       dialect details with no canonical field, kept so a reply in that dialect can echo them
 * @param createdAt      when the hub accepted it
 */
public record Message(
        String id,
        String tenantId,
        Dialect sourceDialect,
        String idempotencyKey,
        String sender,
        String recipient,
        Content content,
        FailoverPlan failover,
        URI callbackUrl,
        Duration timeToLive,
        Instant sendAt,
        Map<String, String> metadata,
        Instant createdAt) {

    public Message {
        failover = failover == null ? FailoverPlan.none() : failover;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** This message under the client's idempotency key; a message that already has one keeps it. */
    public Message withIdempotencyKey(String key) {
        if (idempotencyKey != null || key == null || key.isBlank()) {
            return this;
        }
        return new Message(id, tenantId, sourceDialect, key, sender, recipient, content, failover, callbackUrl,
                timeToLive, sendAt, metadata, createdAt);
    }

    /** This message with other content, such as the same message transcoded for a carrier. */
    public Message withContent(Content newContent) {
        return new Message(id, tenantId, sourceDialect, idempotencyKey, sender, recipient, newContent, failover,
                callbackUrl, timeToLive, sendAt, metadata, createdAt);
    }

    /** The channel the content is written for. */
    public Channel channel() {
        return content.channel();
    }
}
