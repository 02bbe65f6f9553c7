package io.switchboard.dialect.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.api.ApiException;
import io.switchboard.api.FieldError;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import io.switchboard.model.Message;
import io.switchboard.store.MessageView;
import io.switchboard.webhook.WebhookDelivery;
import io.switchboard.webhook.WebhookHealth;
import io.switchboard.webhook.WebhookHealth.Failure;
import io.switchboard.webhook.WebhookSubscription;
import io.switchboard.webhook.WebhookTestEvents;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The v1 response shapes: what {@code /v1/*} answers, on success and on error. */
@Component("v1Responses")
public class V1Responses {

    /** The answer to an accepted send: the message is durably queued. */
    public Queued queued(Message message) {
        return new Queued(message.id(), "queued", message.createdAt());
    }

    /**
     * {@code GET /v1/messages/{id}}. Carries the id under both spellings v1 clients use ({@code id} and
     * {@code message_id}); status and event types are the lower-case words of the v1 webhooks.
     */
    public Status status(MessageView view) {
        List<TimelineEvent> events = view.events().stream()
                .map(entry -> new TimelineEvent(entry.type().statusWord(), entry.occurredAt(), entry.reason()))
                .toList();
        return new Status(view.id(), view.id(), view.status(), view.channel().name(), view.recipient(),
                view.sender(), view.createdAt(), view.updatedAt(), events);
    }

    /**
     * {@code POST /v1/webhooks}. A secret the hub generated is shown here and never again; a secret the client chose
     * is not echoed back.
     */
    public Webhook webhookCreated(WebhookSubscription subscription, V1WebhookRequest request) {
        return webhook(subscription, request.secret() == null ? subscription.secret() : null);
    }

    /** {@code GET /v1/webhooks/{id}}: the subscription and its state, without its secret. */
    public Webhook webhook(WebhookSubscription subscription) {
        return webhook(subscription, null);
    }

    /** {@code PATCH /v1/webhooks/{id}}: as GET shows it, and the new secret once if the hub generated it. */
    public Webhook webhookUpdated(WebhookSubscription subscription, V1WebhookUpdate update) {
        return webhook(subscription, Boolean.TRUE.equals(update.rotateSecret()) ? subscription.secret() : null);
    }

    /** {@code GET /v1/webhooks}: the tenant's subscriptions, without their secrets. */
    public WebhookList webhooks(List<WebhookSubscription> subscriptions) {
        return new WebhookList(subscriptions.stream().map(subscription -> webhook(subscription, null)).toList());
    }

    /** {@code POST /v1/webhooks/{id}/test}: the test event is queued for delivery. */
    public WebhookTest webhookTestQueued(WebhookDelivery delivery) {
        return new WebhookTest(delivery.webhookId(), WebhookTestEvents.EVENT, delivery.subscriptionId(), "queued");
    }

    private static Webhook webhook(WebhookSubscription subscription, String secret) {
        List<String> events = subscription.events().stream().map(EventType::wireName).sorted().toList();
        WebhookHealth health = subscription.health();
        Failure failure = health.lastFailure();
        return new Webhook(subscription.id(), subscription.url().toString(), events, subscription.dialect().id(),
                health.state().name().toLowerCase(Locale.ROOT), health.failingSince(),
                failure == null ? null : new LastFailure(failure.status(), failure.reason(), failure.at()),
                health.disabledReason() == null ? null : health.disabledReason().word(), health.disabledAt(), secret,
                subscription.previousSecret() == null ? null : subscription.previousSecret().expiresAt(),
                subscription.createdAt());
    }

    /** {@code DELETE /v1/messages/{id}}: the message will not be sent. */
    public Revoked revoked(DeliveryEvent event) {
        return new Revoked(event.messageId(), "REVOKED", event.occurredAt());
    }

    /** The v1 error envelope: a stable code, a sentence for people, and one detail per bad field. */
    public Error error(ApiException exception) {
        List<Detail> details = exception.getErrors().stream().map(V1Responses::detail).toList();
        Long retryAfter = exception.getRetryAfterSeconds() > 0 ? exception.getRetryAfterSeconds() : null;
        return new Error(exception.getCode(), exception.getMessage(), details, retryAfter);
    }

    /** For failures that are the hub's fault; says nothing about the cause, which goes to the log. */
    public Error internalError() {
        return new Error("internal_error", "The hub could not process this request. Retry it with the same"
                + " Idempotency-Key.", List.of(), null);
    }

    private static Detail detail(FieldError error) {
        String field = error.path().bracketed();
        return new Detail(field.isEmpty() ? "body" : field, error.message());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Queued(String messageId, String status, Instant createdAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Status(String id, String messageId, String status, String channel, String to, String agentId,
            Instant createdAt, Instant updatedAt, List<TimelineEvent> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEvent(String type, Instant at, String reason) {
    }

    /**
     * @param state                   {@code active}, {@code failing} or {@code disabled}
     * @param failingSince            the first failed attempt since the last success, while failing
     * @param lastFailure             the latest failed attempt, if any
     * @param disabledReason          {@code gone} (a 410), {@code failing} (for longer than the hub bears) or
     *                                {@code client}
     * @param previousSecretExpiresAt when the secret the latest rotation replaced stops (or stopped) signing
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Webhook(String id, String url, List<String> events, String dialect, String state,
            Instant failingSince, LastFailure lastFailure, String disabledReason, Instant disabledAt, String secret,
            Instant previousSecretExpiresAt, Instant createdAt) {
    }

    /** @param status the subscriber's HTTP status; absent when it gave none (no connection, no answer in time) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LastFailure(Integer status, String reason, Instant at) {
    }

    /** @param id the test event's id, its {@code webhook-id} */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WebhookTest(String id, String event, String webhookId, String status) {
    }

    public record WebhookList(List<Webhook> data) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Revoked(String id, String status, Instant revokedAt) {
    }

    /** @param retryAfter seconds to wait, on a 429 or 503 only */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Error(String error, String message, List<Detail> details, Long retryAfter) {
    }

    public record Detail(String field, String message) {
    }
}
