package io.switchboard.dialect.pinnacle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.NotFoundException;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Channel;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Inbound;
import io.switchboard.model.Message;
import io.switchboard.model.UserMessage;
import io.switchboard.module.WebhookRendering;
import io.switchboard.signing.StandardWebhooks;
import io.switchboard.store.MessageStore;
import io.switchboard.store.MessageView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Events as Pinnacle subscribers read them (FORMATS.md §1.10): a status event is Pinnacle's {@code MESSAGE.STATUS}
 * {@code MessageEvent}, its {@code message} the message's content as {@code GET /messages/{id}} shows it, with its
 * {@code type} ({@code SMS}, {@code MMS}, {@code RCS_TEXT}, {@code RCS_MEDIA}, {@code RCS_CARDS}) and the hub's id;
 * {@code sentAt} and {@code deliveredAt} the message's first such events. Two fields are the hub's own: {@code error},
 * a failure's reason, and {@code sequence}, the event's place in its message's timeline. A failover is
 * {@code FALLBACK_SENT} without {@code fallbackMessage}, since the failover leg has no ids yet when it is decided.
 * A user's message is {@code MESSAGE.RECEIVED} and their typing {@code USER.TYPING}; Pinnacle has no conversation
 * events.
 *
 * <p>Signed as Pinnacle signs: the subscription's secret itself in {@value PinnacleSignatures#HEADER}, which the
 * subscriber compares with the one it holds (the newest, while a secret is rotated); {@code webhook-id} and
 * {@code webhook-timestamp} as for every subscriber, to tell a retry from a new event.
 */
@Component
public class PinnacleWebhookPayloads implements WebhookRendering {

    static final String MESSAGE_STATUS = "MESSAGE.STATUS";
    static final String MESSAGE_RECEIVED = "MESSAGE.RECEIVED";
    static final String USER_TYPING = "USER.TYPING";
    static final String OUTBOUND = "OUTBOUND";
    static final String INBOUND = "INBOUND";
    static final String RECEIVED = "RECEIVED";

    private final MessageStore store;
    private final PinnacleMessages messages;
    private final ObjectMapper mapper;

    public PinnacleWebhookPayloads(MessageStore store, PinnacleMessages messages, ObjectMapper mapper) {
        this.store = store;
        this.messages = messages;
        this.mapper = mapper;
    }

    @Override
    public Map<String, String> signatureHeaders(List<String> secrets, String webhookId, long timestampSeconds,
            byte[] body) {
        Map<String, String> headers = StandardWebhooks.identity(webhookId, timestampSeconds);
        headers.put(PinnacleSignatures.HEADER, secrets.get(0));
        return headers;
    }

    @Override
    public Set<String> signatureHeaderNames() {
        return Set.of(StandardWebhooks.ID, StandardWebhooks.TIMESTAMP, PinnacleSignatures.HEADER);
    }

    @Override
    public String payload(DeliveryEvent event, Envelope envelope) {
        if (event.type() == EventType.USER_TYPING) {
            return json(new UserEvent(USER_TYPING, event.occurredAt(), userConversation(event.inbound()),
                    event.sequence()));
        }
        return event.type() == EventType.RECEIVED ? received(event) : status(event, envelope);
    }

    /**
     * {@code MESSAGE.RECEIVED}: the user's message as Pinnacle types it: {@code SMS} or {@code MMS} on those
     * channels, {@code RCS_TEXT} or {@code RCS_MEDIA}, {@code RCS_BUTTON_DATA} for a tapped suggestion (its
     * {@code messageId} the hub's message it was on) and {@code RCS_LOCATION_DATA} for a shared location.
     */
    private String received(DeliveryEvent event) {
        Inbound inbound = event.inbound();
        UserMessage sent = inbound.message();
        boolean rcs = event.channel() == Channel.RCS;
        ObjectNode message = mapper.createObjectNode().put("id", inbound.inboundId());
        switch (sent.kind()) {
            case TEXT -> message.put("type", rcs ? "RCS_TEXT" : "SMS").put("text", sent.text());
            case MEDIA -> {
                List<String> urls = sent.media().stream().map(URI::toString).toList();
                if (rcs) {
                    message.put("type", "RCS_MEDIA").put("media", urls.isEmpty() ? null : urls.get(0));
                } else {
                    message.put("type", "MMS").put("text", sent.text()).set("mediaUrls", mapper.valueToTree(urls));
                }
            }
            case SUGGESTION -> message.put("type", "RCS_BUTTON_DATA").put("messageId", event.messageId())
                    .set("button", mapper.valueToTree(new Button(null, sent.text(), sent.postbackData(), null, 1)));
            case LOCATION -> message.put("type", "RCS_LOCATION_DATA").put("messageId", event.messageId())
                    .set("data", mapper.valueToTree(new LocationData(sent.location().label(),
                            sent.location().latitude(), sent.location().longitude(), sent.text())));
        }
        return json(new StatusEvent(MESSAGE_RECEIVED, userConversation(inbound), RECEIVED, INBOUND, 1,
                event.occurredAt(), null, message, null, null, null, event.sequence()));
    }

    private String status(DeliveryEvent event, Envelope envelope) {
        MessageView view = store.view(event.tenantId(), event.messageId());
        Message message = store.findMessage(event.messageId())
                .orElseThrow(() -> new NotFoundException("No message " + event.messageId()));
        PinnacleMessages.PinnacleMessage current = messages.message(message, view);
        ObjectNode content = mapper.createObjectNode()
                .put("type", PinnacleMessages.contentType(message))
                .put("id", message.id());
        content.setAll((ObjectNode) mapper.valueToTree(current.content()));
        boolean failure = event.type() == EventType.FAILED || event.type() == EventType.EXPIRED
                || event.type() == EventType.REVOKED;
        StatusEvent status = new StatusEvent(MESSAGE_STATUS,
                new Conversation("conv_" + message.id(), envelope.sender(), envelope.recipient()),
                PinnacleMessages.status(event.type(), event.carrierMessageId() != null), OUTBOUND,
                current.numSegments(), current.sentAt(), current.deliveredAt(), content, null, null,
                failure ? event.reason() : null, event.sequence());
        return json(status);
    }

    /** The conversation as a user's event names it: from the user, to the sender they wrote to. */
    private static Conversation userConversation(Inbound inbound) {
        return new Conversation(inbound.conversationId(), inbound.user(), inbound.agent());
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Pinnacle webhook event always serializes", e);
        }
    }

    /** Pinnacle's {@code MessageEvent} of a status, with the hub's {@code error} and {@code sequence}. */
    public record StatusEvent(String type, Conversation conversation, String status, String direction, int segments,
            Instant sentAt, Instant deliveredAt, ObjectNode message, String originalMessageId, Object fallbackMessage,
            @JsonInclude(JsonInclude.Include.NON_NULL) String error, Long sequence) {
    }

    public record Conversation(String id, String from, String to) {
    }

    /** Pinnacle's {@code UserEvent}, plus the hub's {@code sequence}. */
    public record UserEvent(String type, Instant startedAt, Conversation conversation, Long sequence) {
    }

    /** A tapped button: {@code raw} is its title, as Pinnacle sends when it cannot give the whole button. */
    public record Button(String type, String raw, String payload, String metadata, int clicks) {
    }

    public record LocationData(String address, double latitude, double longitude, String text) {
    }
}
