package io.switchboard.dialect.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A webhook a v1 (Arowana) carrier posts about a message it sent ({@code FORMATS.md} §2.6), signed with
 * {@code X-Arowana-Signature}. What the v1 sandbox carrier posts; the hub reads such webhooks leniently
 * ({@link V1CallbackToDeliveryEvent}).
 *
 * @param id    {@code evt_…}, the same on every retry of one event
 * @param event such as {@code message.delivered}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record V1CarrierWebhook(String id, String event, Instant timestamp, Data data) {

    /**
     * @param agentId   the sender of an RCS message
     * @param channelId the sender of an SMS
     * @param status    the lower-case status word: dispatched, delivered, read, failed, expired
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Data(String messageId, String agentId, String channelId, String to, String status,
            Instant dispatchedAt, Instant deliveredAt, Instant readAt, Instant failedAt, String failureReason) {
    }
}
