package io.switchboard.dialect.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import io.switchboard.model.Envelope;
import io.switchboard.model.Inbound;
import io.switchboard.model.UserLocation;
import io.switchboard.model.UserMessage;
import io.switchboard.module.WebhookRendering;
import io.switchboard.signing.StandardWebhooks;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Events as v1 subscribers (the normalized default) read them: the envelope {@code {id, event, timestamp, data}} with
 * {@code data.status}, a {@code <status>_at} time, {@code failure_reason} for a failure or a failover, and
 * {@code sequence}, the event's place in its message's timeline. A user's side ({@code message.received},
 * {@code conversation.started} and {@code .ended}, {@code user.typing}) names the user ({@code from}), the sender they
 * wrote to ({@code agent_id}), the conversation, the hub's message they answered ({@code in_reply_to}) and what they
 * sent ({@code user_message}).
 */
@Component
public class V1WebhookPayloads implements WebhookRendering {

    private final ObjectMapper mapper;

    public V1WebhookPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean renders(EventType type) {
        return true;
    }

    /**
     * Standard Webhooks under every secret in force, and the v1 vendor's own {@code X-Arowana-Signature}
     * ({@code sha256=} and the hex HMAC-SHA256 of the body under the newest secret's text) for clients that check
     * that one.
     */
    @Override
    public Map<String, String> signatureHeaders(List<String> secrets, String webhookId, long timestampSeconds,
            byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(
                StandardWebhooks.headers(secrets, webhookId, timestampSeconds, body));
        headers.put(V1Signatures.HEADER, V1Signatures.sign(secrets.get(0), body));
        return headers;
    }

    @Override
    public Set<String> signatureHeaderNames() {
        return Set.of(StandardWebhooks.ID, StandardWebhooks.TIMESTAMP, StandardWebhooks.SIGNATURE,
                V1Signatures.HEADER);
    }

    @Override
    public String payload(DeliveryEvent event, Envelope envelope) {
        return event.inbound() != null ? conversationPayload(event, envelope) : statusPayload(event, envelope);
    }

    private String statusPayload(DeliveryEvent event, Envelope envelope) {
        EventType type = event.type();
        Instant at = event.occurredAt();
        boolean failure = type == EventType.FAILED || type == EventType.FAILOVER;
        V1EventData data = new V1EventData(
                event.messageId(),
                envelope.sender(),
                envelope.recipient(),
                envelope.channel().name(),
                type.statusWord(),
                type == EventType.QUEUED ? at : null,
                type == EventType.SENT ? at : null,
                type == EventType.FAILOVER ? at : null,
                type == EventType.DELIVERED ? at : null,
                type == EventType.READ ? at : null,
                type == EventType.FAILED ? at : null,
                type == EventType.EXPIRED ? at : null,
                type == EventType.REVOKED ? at : null,
                failure ? event.reason() : null,
                failure ? null : event.reason(),
                event.sequence());
        return json(new V1Envelope(event.id(), type.wireName(), at, data));
    }

    /**
     * A user's side: {@code message.received} (the user's message, {@code message_id} its {@code inb_} id,
     * {@code in_reply_to} the hub's message it answers), {@code conversation.started} with the message that opened it,
     * {@code user.typing} and {@code conversation.ended}.
     */
    private String conversationPayload(DeliveryEvent event, Envelope envelope) {
        Inbound inbound = event.inbound();
        EventType type = event.type();
        Instant at = event.occurredAt();
        V1ConversationData data = new V1ConversationData(
                type == EventType.RECEIVED ? inbound.inboundId() : null,
                event.messageId(),
                inbound.agent(),
                inbound.user(),
                event.channel() == null ? envelope.channel().name() : event.channel().name(),
                type == EventType.RECEIVED ? "received" : null,
                inbound.conversationId(),
                type == EventType.CONVERSATION_ENDED ? null : inbound.sessionExpiresAt(),
                type == EventType.RECEIVED ? at : null,
                type == EventType.CONVERSATION_ENDED ? at : null,
                inbound.message() == null ? null : V1UserMessage.of(inbound.message()),
                event.sequence());
        return json(new V1ConversationEnvelope(event.id(), type.wireName(), at, data));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook envelope always serializes", e);
        }
    }

    public record V1Envelope(String id, String event, Instant timestamp, V1EventData data) {
    }

    /** {@code agent_id} holds the sender, as v1 clients read it for RCS; SMS senders are phone numbers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record V1EventData(String messageId, String agentId, String to, String channel, String status,
            Instant queuedAt, Instant sentAt, Instant failoverAt, Instant deliveredAt, Instant readAt, Instant failedAt,
            Instant expiredAt, Instant revokedAt, String failureReason, String reason, Long sequence) {
    }

    public record V1ConversationEnvelope(String id, String event, Instant timestamp, V1ConversationData data) {
    }

    /** {@code agent_id} is the sender the user wrote to, {@code from} the user. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record V1ConversationData(String messageId, String inReplyTo, String agentId, String from, String channel,
            String status, String conversationId, Instant sessionExpiresAt, Instant receivedAt, Instant endedAt,
            V1UserMessage userMessage, Long sequence) {
    }

    /**
     * What the user sent, as v1 names it: {@code type} {@code text}, {@code suggested_reply} (a tapped suggestion,
     * with its {@code postback_data}, base64 as v1 writes it), {@code location} or {@code media}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record V1UserMessage(String type, String text, String postbackData, UserLocation location,
            List<URI> mediaUrls) {

        static V1UserMessage of(UserMessage message) {
            String type = switch (message.kind()) {
                case TEXT -> "text";
                case SUGGESTION -> "suggested_reply";
                case LOCATION -> "location";
                case MEDIA -> "media";
            };
            return new V1UserMessage(type, message.text(), CanonicalToV1Message.postback(message.postbackData()),
                    message.location(), message.media());
        }
    }
}
