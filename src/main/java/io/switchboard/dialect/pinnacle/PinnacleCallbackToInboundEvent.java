package io.switchboard.dialect.pinnacle;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldPath;
import io.switchboard.api.PhoneNumbers;
import io.switchboard.callback.InboundCallbackReader;
import io.switchboard.camel.Variables;
import io.switchboard.model.Channel;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserLocation;
import io.switchboard.model.UserMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code pinnacle:inbound} (a Pinnacle {@code MESSAGE.RECEIVED} or {@code USER.TYPING} webhook, {@code FORMATS.md}
 * §1.10, parsed to a tree) to {@code canonical:inbound-event}.
 *
 * <p>Who is who: in a user's events {@code conversation.from} is the user and {@code conversation.to} the agent or
 * number they wrote to, as the published {@code USER.TYPING} example shows. Since a user is always a phone number and
 * an agent id never is, a conversation whose {@code from} is no number but whose {@code to} is one is read the other
 * way round.
 *
 * <p>Read leniently, by {@code message.type}: {@code SMS} and {@code RCS_TEXT} are text; {@code MMS}
 * ({@code mediaUrls}) and {@code RCS_MEDIA} ({@code media}, a URL or an object with {@code url}) are files;
 * {@code RCS_BUTTON_DATA} is a tapped suggestion (its text from {@code button.raw.title} or {@code .text}, or
 * {@code raw} itself when Pinnacle only has the title; its postback data from {@code button.payload}, else
 * {@code raw.payload}; {@code messageId} the hub's message it answers); {@code RCS_LOCATION_DATA} a shared place
 * ({@code data.latitude}, {@code longitude}, {@code address}). Another type with text is text. The time is
 * {@code sentAt}, {@code receivedAt} or {@code startedAt}, else when the hub saw it.
 *
 * <p>Needs from the exchange: the variable {@value Variables#CARRIER}, the carrier whose signing secret came with it.
 */
@Component("pinnacleCallbackToInboundEvent")
@DataTypeTransformer(fromType = "pinnacle:inbound", toType = "canonical:inbound-event",
        description = "A Pinnacle webhook about a user's message or typing to an inbound event")
public class PinnacleCallbackToInboundEvent extends InboundCallbackReader {

    static final String RECEIVED = "MESSAGE.RECEIVED";
    static final String TYPING = "USER.TYPING";
    private static final String INBOUND = "INBOUND";
    private static final List<String> TIME_FIELDS = List.of("sentAt", "receivedAt", "startedAt", "createdAt");
    private static final List<String> BUTTON_TEXT_FIELDS = List.of("title", "text");
    private static final FieldPath USER_FIELD = FieldPath.of("conversation").field("from");

    public PinnacleCallbackToInboundEvent(Clock clock) {
        super(clock);
    }

    /** Whether the webhook is about a user: {@code MESSAGE.RECEIVED}, {@code USER.TYPING}, or untyped inbound. */
    public boolean isInbound(JsonNode callback) {
        Optional<String> type = text(callback, "type").map(name -> name.toUpperCase(Locale.ROOT));
        if (type.isPresent()) {
            return type.get().equals(RECEIVED) || type.get().equals(TYPING);
        }
        return text(callback, "direction").filter(INBOUND::equalsIgnoreCase).isPresent();
    }

    @Override
    public InboundEvent toInbound(JsonNode callback, String carrierId) {
        JsonNode conversation = callback.path("conversation");
        Optional<String> from = text(conversation, "from");
        Optional<String> to = text(conversation, "to");
        boolean reversed = from.flatMap(PhoneNumbers::e164).isEmpty() && to.flatMap(PhoneNumbers::e164).isPresent();
        String user = user(USER_FIELD, reversed ? to : from);
        String agent = agent(reversed ? from : to);
        Instant occurredAt = occurredAt(firstText(callback, TIME_FIELDS));
        if (text(callback, "type").filter(TYPING::equalsIgnoreCase).isPresent()) {
            return typing(occurredAt, carrierId, Channel.RCS, agent, user);
        }
        JsonNode message = callback.path("message");
        String type = text(message, "type").map(name -> name.toUpperCase(Locale.ROOT)).orElse("");
        Channel channel = switch (type) {
            case "SMS" -> Channel.SMS;
            case "MMS" -> Channel.MMS;
            default -> Channel.RCS;
        };
        return received(occurredAt, carrierId, text(message, "id").orElse(null), channel, agent, user,
                userMessage(type, message), text(message, "messageId").orElse(null));
    }

    private static UserMessage userMessage(String type, JsonNode message) {
        String text = text(message, "text").orElse(null);
        return switch (type) {
            case "MMS" -> UserMessage.media(urls(message.path("mediaUrls")), text);
            case "RCS_MEDIA" -> UserMessage.media(urls(message.path("media")), text);
            case "RCS_BUTTON_DATA" -> tappedButton(message.path("button"));
            case "RCS_LOCATION_DATA" -> sharedLocation(message.path("data"));
            default -> UserMessage.text(text);
        };
    }

    private static UserMessage tappedButton(JsonNode button) {
        JsonNode raw = button.path("raw");
        Optional<String> text = raw.isTextual() ? Optional.of(raw.asText()) : firstText(raw, BUTTON_TEXT_FIELDS);
        return UserMessage.suggestion(text.orElse(null),
                text(button, "payload").or(() -> text(raw, "payload")).orElse(null));
    }

    private static UserMessage sharedLocation(JsonNode data) {
        Optional<Double> latitude = number(data, "latitude");
        Optional<Double> longitude = number(data, "longitude");
        String text = text(data, "text").orElse(null);
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return UserMessage.text(text);
        }
        return UserMessage.location(new UserLocation(latitude.get(), longitude.get(),
                text(data, "address").orElse(null)), text);
    }
}
