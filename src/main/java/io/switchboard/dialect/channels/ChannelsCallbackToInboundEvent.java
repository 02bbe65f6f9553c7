package io.switchboard.dialect.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldPath;
import io.switchboard.callback.InboundCallbackReader;
import io.switchboard.camel.Variables;
import io.switchboard.model.Channel;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserMessage;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code channels:inbound} (the message resource of an {@code sms.inbound} notification, {@code FORMATS.md} §4.3:
 * direction {@code incoming}, as a tree) to {@code canonical:inbound-event}: an SMS, or an MMS when it has pictures or
 * files.
 *
 * <p>The sender is the user: {@code sender.contact.identifierValue} (or the first of {@code sender.contacts}). The
 * channel's side is the business: the number the message came in on ({@code receiver.connector.identifierValue}, or
 * the first of {@code receiver.contacts}), else the {@code channelId}. The body is read as the send's body is
 * written: {@code text.text}, {@code image.images[].mediaUrl} with {@code image.text}, {@code file.files[].mediaUrl}
 * with {@code file.text}. The time is {@code createdAt}, else when the hub saw it.
 *
 * <p>Needs from the exchange: the variable {@value Variables#CARRIER}, the carrier whose channel it came in on.
 */
@Component("channelsCallbackToInboundEvent")
@DataTypeTransformer(fromType = "channels:inbound", toType = "canonical:inbound-event",
        description = "A Bird Channels incoming SMS or MMS notification to an inbound event")
public class ChannelsCallbackToInboundEvent extends InboundCallbackReader {

    private static final String INCOMING = "incoming";
    private static final FieldPath USER_FIELD = FieldPath.of("payload").field("sender").field("contact")
            .field("identifierValue");
    private static final List<String> MEDIA_BODIES = List.of(ChannelsMessage.Body.IMAGE, ChannelsMessage.Body.FILE);

    public ChannelsCallbackToInboundEvent(Clock clock) {
        super(clock);
    }

    /** Whether the message resource is one a user sent to the channel. */
    public boolean isIncoming(JsonNode resource) {
        return text(resource, "direction").filter(INCOMING::equalsIgnoreCase).isPresent();
    }

    @Override
    public InboundEvent toInbound(JsonNode resource, String carrierId) {
        JsonNode sender = resource.path("sender");
        String user = user(USER_FIELD, identifier(sender.path("contact")).or(() -> first(sender.path("contacts"))));
        JsonNode receiver = resource.path("receiver");
        String agent = agent(identifier(receiver.path("connector")).or(() -> first(receiver.path("contacts")))
                .or(() -> text(resource, "channelId")));
        JsonNode body = resource.path("body");
        String text = text(body.path(ChannelsMessage.Body.TEXT), "text").orElse(null);
        UserMessage message = MEDIA_BODIES.stream().map(kind -> media(body.path(kind), kind, text))
                .flatMap(Optional::stream).findFirst().orElseGet(() -> UserMessage.text(text));
        Channel channel = message.kind() == UserMessage.Kind.MEDIA ? Channel.MMS : Channel.SMS;
        return received(occurredAt(text(resource, "createdAt")), carrierId, text(resource, "id").orElse(null),
                channel, agent, user, message, null);
    }

    /** Pictures ({@code image.images}) or files ({@code file.files}), with their text or the body's. */
    private static Optional<UserMessage> media(JsonNode media, String kind, String text) {
        List<URI> urls = urls(media.path(kind + "s"));
        return urls.isEmpty() ? Optional.empty()
                : Optional.of(UserMessage.media(urls, text(media, "text").orElse(text)));
    }

    private static Optional<String> identifier(JsonNode contact) {
        return text(contact, "identifierValue");
    }

    private static Optional<String> first(JsonNode contacts) {
        return contacts.isArray() && !contacts.isEmpty() ? identifier(contacts.get(0)) : Optional.empty();
    }
}
