package io.switchboard.dialect.v5;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.module.WebhookRendering;
import io.switchboard.signing.StandardWebhooks;
import io.switchboard.tenant.TenantProperties.TenantConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Events as v5 clients read them, at the {@code callbackURL} of a {@code /v5/messages} request or through a v5
 * subscription: the shape a v5 carrier's own callback has ({@link V5Callback}, {@code docs/dialects/v5.md}), about the
 * hub's message: {@code messageGUID} is the GUID the client got when the hub accepted it, {@code messageType} the
 * channel of the leg the event is about ({@code RCS}, {@code SMS} or {@code MMS}), {@code status} the event's word in
 * upper case with its v4 {@code statusCode} where v4 has one, and {@code sequence} the event's place in the message's
 * timeline. A failure's reason is {@code errorMessage}. Only events about a sent message have a v5 shape.
 *
 * <p>Signed per Standard Webhooks: a v5 subscription under its own {@code whsec_} secret; a {@code callbackURL}
 * under the tenant's v5 password, the key being the password's UTF-8 bytes, so a client checks it with any Standard
 * Webhooks library given {@code whsec_} and the base64 of its password.
 */
@Component
public class V5WebhookPayloads implements WebhookRendering {

    /** The v4 resource status codes (FORMATS.md §3.2) of the statuses that have one. */
    private static final Map<EventType, Integer> STATUS_CODES = Map.of(EventType.QUEUED, 20000,
            EventType.SENT, 30000, EventType.DELIVERED, 40001, EventType.FAILED, 30003);
    /** v4's code for an error, the {@code errorCode} of a failure. */
    private static final String ERROR_CODE = "30003";

    private final ObjectMapper mapper;

    public V5WebhookPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Map<String, String> signatureHeaders(List<String> secrets, String webhookId, long timestampSeconds,
            byte[] body) {
        return StandardWebhooks.headers(secrets, webhookId, timestampSeconds, body);
    }

    @Override
    public Set<String> signatureHeaderNames() {
        return Set.of(StandardWebhooks.ID, StandardWebhooks.TIMESTAMP, StandardWebhooks.SIGNATURE);
    }

    @Override
    public Optional<String> statusCallbackSecret(TenantConfig tenant) {
        return Optional.ofNullable(tenant.v5Password())
                .map(password -> StandardWebhooks.secretOf(password.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String payload(DeliveryEvent event, Envelope envelope) {
        return json(event.inbound() != null ? V5Inbound.of(event) : status(event, envelope));
    }

    private V5Callback status(DeliveryEvent event, Envelope envelope) {
        EventType type = event.type();
        boolean failure = type == EventType.FAILED || type == EventType.EXPIRED;
        V5Callback callback = new V5Callback(event.messageId(), V5Numbers.fromE164(envelope.sender()),
                V5Numbers.fromE164(envelope.recipient()), event.channel().name(),
                type.statusWord().toUpperCase(Locale.ROOT), STATUS_CODES.get(type), event.occurredAt(),
                failure ? ERROR_CODE : null, event.reason(), event.sequence());
        return callback;
    }

    private String json(Object callback) {
        try {
            return mapper.writeValueAsString(callback);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A v5 callback always serializes", e);
        }
    }
}
