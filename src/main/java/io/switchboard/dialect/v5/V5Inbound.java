package io.switchboard.dialect.v5;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import io.switchboard.model.Inbound;
import io.switchboard.model.UserMessage;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A user's message or typing as the hub posts it to a v5 client (v5 publishes no mobile-originated shape; this is
 * Switchboard's, in v5's style, {@code docs/dialects/v5.md}).
 *
 * @param messageGUID the hub's id of the user's message or typing
 * @param source      the user's number, without the plus
 * @param destination the sender the user wrote to: an agent id, or a number without the plus
 * @param messageType {@code RCS_TEXT}, {@code RCS_POSTBACK} (a tapped suggestion), {@code RCS_LOCATION},
 *                    {@code RCS_MEDIA}, {@code SMS}, {@code MMS} or {@code TYPING}
 * @param status      {@code RECEIVED}, or {@code TYPING}
 * @param inReplyTo   the GUID of the hub's message the user answered
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record V5Inbound(String messageGUID, String source, String destination, String messageType, String status,
        String messageText, String postbackData, Double latitude, Double longitude, List<String> mediaUrls,
        String inReplyTo, Instant timestamp, Long sequence) {

    static V5Inbound of(DeliveryEvent event) {
        Inbound inbound = event.inbound();
        UserMessage message = inbound.message();
        boolean typing = event.type() == EventType.USER_TYPING || message == null;
        return new V5Inbound(inbound.inboundId(), V5Numbers.fromE164(inbound.user()),
                V5Numbers.fromE164(inbound.agent()), typing ? "TYPING" : messageType(message, event.channel()),
                typing ? "TYPING" : "RECEIVED", typing ? null : message.text(),
                typing ? null : message.postbackData(),
                typing || message.location() == null ? null : message.location().latitude(),
                typing || message.location() == null ? null : message.location().longitude(),
                typing ? List.of() : message.media().stream().map(URI::toString).toList(),
                event.messageId(), event.occurredAt(), event.sequence());
    }

    private static String messageType(UserMessage message, Channel channel) {
        if (channel != Channel.RCS) {
            return message.kind() == UserMessage.Kind.MEDIA ? "MMS" : "SMS";
        }
        return switch (message.kind()) {
            case TEXT -> "RCS_TEXT";
            case SUGGESTION -> "RCS_POSTBACK";
            case LOCATION -> "RCS_LOCATION";
            case MEDIA -> "RCS_MEDIA";
        };
    }
}
