package io.switchboard.inbound;

import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.model.Inbound;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.Message;
import io.switchboard.store.Conversation;
import io.switchboard.store.Conversations;
import io.switchboard.store.MessageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns what a user did, as a carrier reported it, into the events of the tenant whose message they answered, in
 * that message's timeline: a user's message opens (or keeps open) their conversation with its sender.
 */
@Component("inboundEvents")
public class InboundEvents {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEvents.class);

    private final MessageStore store;
    private final Conversations conversations;

    public InboundEvents(MessageStore store, Conversations conversations) {
        this.store = store;
        this.conversations = conversations;
    }

    /**
     * For a user's message: {@code conversation.ended} of a conversation whose time had lapsed unnoticed,
     * {@code conversation.started} when the message opens one, then {@code message.received}; for typing,
     * {@code user.typing}. None when the carrier took no message for that user, so no tenant wrote to them there.
     */
    public List<DeliveryEvent> eventsFor(InboundEvent inbound) {
        Optional<Message> answered = store.answeredBy(inbound.carrier(), inbound.user(), inbound.inReplyTo());
        if (answered.isEmpty()) {
            LOG.warn("Dropped {} {} from a user through {}: the carrier took no message of the hub's for them",
                    inbound.type().wireName(), inbound.id(), inbound.carrier());
            return List.of();
        }
        Message message = answered.get();
        String agent = message.sender();
        if (inbound.type() == EventType.USER_TYPING) {
            Optional<Conversation> open = conversations.current(message.tenantId(), agent, inbound.user());
            return List.of(event(EventType.USER_TYPING, inbound, message, inbound.id(), new Inbound(
                    open.map(Conversation::id).orElse(null), agent, inbound.user(), null,
                    open.map(Conversation::expiresAt).orElse(null), inbound.id())));
        }
        String userMessage = inbound.carrierMessageId() != null ? inbound.carrierMessageId() : inbound.id();
        Conversations.Reply reply = conversations.receive(message.tenantId(), agent, inbound.user(), message.id(),
                inbound.occurredAt(), userMessage);
        Conversation conversation = reply.conversation();
        Inbound side = new Inbound(conversation.id(), agent, inbound.user(), inbound.message(),
                conversation.expiresAt(), inbound.id());
        List<DeliveryEvent> events = new ArrayList<>(3);
        if (reply.lapsed() != null) {
            events.add(ended(reply.lapsed()));
        }
        if (reply.started()) {
            events.add(event(EventType.CONVERSATION_STARTED, inbound, message, conversation.id(), side));
        }
        events.add(event(EventType.RECEIVED, inbound, message, userMessage, side));
        return events;
    }

    /** {@code conversation.ended} for each conversation whose time lapsed since the last look. */
    public List<DeliveryEvent> endLapsed() {
        return conversations.endLapsed().stream().map(this::ended).toList();
    }

    private DeliveryEvent ended(Conversation conversation) {
        Envelope envelope = store.findMessage(conversation.messageId()).map(Envelope::of).orElseThrow(() ->
                new IllegalStateException("Conversation " + conversation.id() + " names unknown message "
                        + conversation.messageId()));
        return new DeliveryEvent(Ids.eventId(), EventType.CONVERSATION_ENDED, conversation.endedAt(),
                conversation.messageId(), conversation.tenantId(), null, conversation.id(), envelope.channel(), null,
                envelope, null, new Inbound(conversation.id(), conversation.agent(), conversation.user(), null,
                conversation.expiresAt(), null));
    }

    private static DeliveryEvent event(EventType type, InboundEvent inbound, Message message, String about,
            Inbound side) {
        return new DeliveryEvent(Ids.eventId(), type, inbound.occurredAt(), message.id(), message.tenantId(),
                inbound.carrier(), about, inbound.channel(), null, Envelope.of(message), null, side);
    }
}
