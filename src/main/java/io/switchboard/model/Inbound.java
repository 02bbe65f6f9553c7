package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The user's side of an event about a conversation: which conversation, who wrote to whom and what.
 *
 * @param conversationId   the hub's id of the conversation ({@code conv_…})
 * @param agent            the business sender the user wrote to, as the hub's message named it
 * @param user             the user's phone number in E.164
 * @param message          what the user sent; null for typing and for the conversation's end
 * @param sessionExpiresAt when the conversation ends unless the user writes again
 * @param inboundId        the hub's id of the user's message or typing ({@code inb_…}); null for the conversation's
 *                         end
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Inbound(String conversationId, String agent, String user, UserMessage message, Instant sessionExpiresAt,
        String inboundId) {
}
