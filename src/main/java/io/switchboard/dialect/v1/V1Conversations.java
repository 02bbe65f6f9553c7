package io.switchboard.dialect.v1;

import io.switchboard.api.NoActiveSessionException;
import io.switchboard.model.Message;
import io.switchboard.store.Conversations;
import org.springframework.stereotype.Component;

/**
 * v1's {@code message_type: CONVERSATION}: a message that answers a user inside the conversation they opened by
 * writing to the agent, which lasts 24 hours from their last message; outside one it is refused with 422
 * {@code no_active_session}. Other message types need no conversation.
 */
@Component("v1Conversations")
public class V1Conversations {

    private final Conversations conversations;

    public V1Conversations(Conversations conversations) {
        this.conversations = conversations;
    }

    /** @throws NoActiveSessionException for a CONVERSATION message to a user with no open conversation */
    public void requireSession(Message message) {
        boolean conversation = V1Validator.MessageType.CONVERSATION.name()
                .equals(message.metadata().get(V1MessageToCanonical.MESSAGE_TYPE));
        if (conversation && !conversations.isOpen(message.tenantId(), message.sender(), message.recipient())) {
            throw new NoActiveSessionException("No conversation with " + message.recipient() + " is open for "
                    + message.sender() + ": a CONVERSATION message answers a user who wrote in the last 24 hours.");
        }
    }
}
