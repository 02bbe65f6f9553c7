package io.switchboard.dialect.channels;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The message resource of the Channels API (FORMATS.md §4.2): what a send is answered with (status
 * {@code accepted}) and what a notification carries as its status changes.
 *
 * @param status    {@code accepted}, {@code processing}, {@code sent}, {@code delivered}, {@code sending_failed} or
 *                  {@code delivery_failed} (and possibly {@code rejected}, {@code scheduled}, {@code skipped},
 *                  {@code deleted})
 * @param reason    why, for the failed statuses
 * @param direction {@code outgoing} or {@code incoming}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelsMessageResource(String id, String channelId, String status, String reason, String direction,
        String reference, ChannelsMessage.Receiver receiver, ChannelsMessage.Body body, Instant createdAt,
        Instant updatedAt, Instant lastStatusAt) {

    /** This message after a status change at {@code at}. */
    public ChannelsMessageResource withStatus(String newStatus, String newReason, Instant at) {
        return new ChannelsMessageResource(id, channelId, newStatus, newReason, direction, reference, receiver, body,
                createdAt, at, at);
    }
}
