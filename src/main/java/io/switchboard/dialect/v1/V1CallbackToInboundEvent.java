package io.switchboard.dialect.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldPath;
import io.switchboard.callback.InboundCallbackReader;
import io.switchboard.camel.Variables;
import io.switchboard.model.Channel;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserLocation;
import io.switchboard.model.UserMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code v1:inbound} (a v1 carrier's webhook about a user, {@code FORMATS.md} §2.6, parsed to a tree) to
 * {@code canonical:inbound-event}.
 *
 * <p>v1 reports every user interaction as {@code conversation.started} with {@code data.user_message}; the hub also
 * takes {@code message.received} and {@code message.inbound} with the same data, and {@code user.typing} (not in
 * v1's catalogue) as typing. {@code data.from} is the user, {@code data.agent_id} the agent (for an SMS channel,
 * {@code data.channel_id}). A carrier's {@code conversation.ended} is not read: the hub keeps its own sessions.
 *
 * <p>Read leniently, by {@code user_message.type}: {@code suggested_reply} and any action tap ({@code *action*}) are a
 * tapped suggestion, its postback data base64-decoded back to what the hub's message gave (kept as sent when it is no
 * base64 text); {@code location} (or a message with {@code latitude}/{@code longitude}, at its top or under
 * {@code location}) a shared place; one with {@code media_url(s)} files; anything else text. The carrier's message id
 * is {@code data.message_id} or {@code user_message.id}, else the event's {@code id}; the hub message answered is
 * {@code in_reply_to} (or {@code reply_to_message_id}) of the message or the data; the time is {@code timestamp}.
 *
 * <p>Needs from the exchange: the variable {@value Variables#CARRIER}, the carrier whose signature it carried.
 */
@Component("v1CallbackToInboundEvent")
@DataTypeTransformer(fromType = "v1:inbound", toType = "canonical:inbound-event",
        description = "A v1 carrier webhook about a user's message or typing to an inbound event")
public class V1CallbackToInboundEvent extends InboundCallbackReader {

    static final String TYPING = "user.typing";
    private static final Set<String> RECEIVED = Set.of("conversation.started", "message.received",
            "message.inbound");
    private static final List<String> REPLY_TO_FIELDS = List.of("in_reply_to", "reply_to_message_id");
    private static final List<String> MEDIA_FIELDS = List.of("media_urls", "media_url");
    private static final FieldPath USER_FIELD = FieldPath.of("data").field("from");

    public V1CallbackToInboundEvent(Clock clock) {
        super(clock);
    }

    /** Whether the webhook reports a user's message or typing. */
    public boolean isInbound(JsonNode callback) {
        return event(callback).filter(name -> RECEIVED.contains(name) || name.equals(TYPING)).isPresent();
    }

    @Override
    public InboundEvent toInbound(JsonNode callback, String carrierId) {
        JsonNode data = callback.path("data");
        String user = user(USER_FIELD, text(data, "from"));
        Optional<String> agentId = text(data, "agent_id");
        String agent = agent(agentId.or(() -> text(data, "channel_id")));
        Channel channel = agentId.isPresent() ? Channel.RCS : Channel.SMS;
        Instant occurredAt = occurredAt(text(callback, "timestamp"));
        if (event(callback).filter(TYPING::equals).isPresent()) {
            return typing(occurredAt, carrierId, channel, agent, user);
        }
        JsonNode message = data.path("user_message");
        String carrierMessageId = text(data, "message_id").or(() -> text(message, "id"))
                .or(() -> text(callback, "id")).orElse(null);
        String inReplyTo = firstText(message, REPLY_TO_FIELDS).or(() -> firstText(data, REPLY_TO_FIELDS))
                .orElse(null);
        return received(occurredAt, carrierId, carrierMessageId, channel, agent, user, userMessage(message),
                inReplyTo);
    }

    private static Optional<String> event(JsonNode callback) {
        return text(callback, "event").or(() -> text(callback, "type")).map(name -> name.toLowerCase(Locale.ROOT));
    }

    private static UserMessage userMessage(JsonNode message) {
        String type = text(message, "type").map(name -> name.toLowerCase(Locale.ROOT)).orElse("text");
        String text = text(message, "text").orElse(null);
        JsonNode place = message.path("location").isObject() ? message.path("location") : message;
        Optional<Double> latitude = number(place, "latitude");
        Optional<Double> longitude = number(place, "longitude");
        if (type.equals("suggested_reply") || type.contains("action")) {
            return UserMessage.suggestion(text, text(message, "postback_data").map(V1CallbackToInboundEvent::plain)
                    .orElse(null));
        }
        if (latitude.isPresent() && longitude.isPresent()) {
            return UserMessage.location(new UserLocation(latitude.get(), longitude.get(),
                    firstText(place, List.of("address", "label")).orElse(null)), text);
        }
        return MEDIA_FIELDS.stream().map(field -> urls(message.path(field))).filter(urls -> !urls.isEmpty())
                .findFirst().map(urls -> UserMessage.media(urls, text)).orElseGet(() -> UserMessage.text(text));
    }

    /**
     * v1 carries postback data as base64 of the text the hub's message gave. Only exact base64 is decoded: a carrier
     * that sends the plain text ({@code YES}, which a lenient decoder would turn into other bytes) keeps it.
     */
    private static String plain(String postbackData) {
        String decoded = V1Validator.decodePostback(postbackData);
        boolean exact = decoded != null && Base64.getEncoder()
                .encodeToString(decoded.getBytes(StandardCharsets.UTF_8)).equals(postbackData);
        return exact ? decoded : postbackData;
    }
}
