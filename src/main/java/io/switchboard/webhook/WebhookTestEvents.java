package io.switchboard.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.api.ConflictException;
import io.switchboard.model.Ids;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A test event a client asks for, to see its endpoint take a signed webhook: it goes through the delivery queue like
 * any event, so it is signed, retried and counted for the subscription's state like one.
 */
@Component("webhookTestEvents")
public class WebhookTestEvents {

    public static final String EVENT = "webhook.test";

    private final WebhookSubscriptions subscriptions;
    private final ObjectMapper mapper;
    private final Clock clock;

    public WebhookTestEvents(WebhookSubscriptions subscriptions, ObjectMapper mapper, Clock clock) {
        this.subscriptions = subscriptions;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * A delivery of a new test event to one of the tenant's subscriptions, in the v1 envelope whose data names the
     * subscription.
     *
     * @throws io.switchboard.api.NotFoundException if the tenant has no subscription with that id
     * @throws ConflictException                    if the subscription is disabled, so it would get nothing
     */
    public WebhookDelivery delivery(String tenantId, String id) {
        WebhookSubscription subscription = subscriptions.ofTenant(tenantId, id);
        if (subscription.isDisabled()) {
            throw new ConflictException("Webhook " + id + " is disabled; enable it (\"enabled\": true) to test it.");
        }
        String eventId = Ids.eventId();
        try {
            return WebhookDelivery.of(subscription, eventId, mapper.writeValueAsString(
                    new TestEvent(eventId, EVENT, clock.instant(), new TestData(id))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A test event always serializes", e);
        }
    }

    public record TestEvent(String id, String event, Instant timestamp, TestData data) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TestData(String webhookId) {
    }
}
