package io.switchboard.store;

import java.time.Instant;

/**
 * A user's conversation with a business sender of a tenant: open from the user's first message until
 * {@code expiresAt}, which each further message of theirs moves on.
 *
 * @param messageId the message whose timeline the conversation's events join: the last one the user answered
 * @param endedAt   when it ended; null while it is open
 */
public record Conversation(String id, String tenantId, String agent, String user, String messageId, Instant startedAt,
        Instant expiresAt, Instant endedAt) {
}
