package io.switchboard.dialect.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import io.switchboard.model.Envelope;
import io.switchboard.module.WebhookRendering;
import io.switchboard.signing.StandardWebhooks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Events as v1 subscribers (the normalized default) read them: the envelope {@code {id, event, timestamp, data}} with
 * {@code data.status}, a {@code <status>_at} time, {@code failure_reason} for a failure or a failover, and
 * {@code sequence}, the event's place in its message's timeline.
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
}
