package io.switchboard.dialect.v5;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.FieldPath;
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
 * {@code v5:inbound} (a user's message, MO, that a v5 carrier posts to the hub's inbound URL, parsed to a tree) to
 * {@code canonical:inbound-event}. v5 publishes no MO format; this is the one the hub defines
 * ({@code docs/dialects/v5.md}), read leniently like its delivery callbacks: {@code {"messageGUID", "source",
 * "destination", "messageType", "messageText", "postbackData", "originalMessageGUID", "latitude", "longitude",
 * "address", "mediaURLs", "timestamp"}}.
 *
 * <p>{@code source} is the user and {@code destination} the agent or number they wrote to, both as v5 writes numbers
 * (digits without the plus sign, which the hub puts back). By {@code messageType}: {@code RCS_TEXT} and {@code SMS}
 * are text ({@code messageText}); {@code RCS_POSTBACK} a tapped suggestion ({@code messageText},
 * {@code postbackData}); {@code RCS_LOCATION} a shared place ({@code latitude}, {@code longitude}, {@code address});
 * {@code RCS_MEDIA} and {@code MMS} files ({@code mediaURL} or {@code mediaURLs}); {@code TYPING} typing. A message of
 * another type is read by what it holds. {@code originalMessageGUID} is the hub's message a tap answers; the time is
 * {@code timestamp}.
 *
 * <p>Needs from the exchange: the variable {@value Variables#CARRIER}, the carrier whose token the URL carried.
 */
@Component("v5InboundToInboundEvent")
@DataTypeTransformer(fromType = "v5:inbound", toType = "canonical:inbound-event",
        description = "A v5 carrier's MO (a user's message or typing) to an inbound event")
public class V5InboundToInboundEvent extends InboundCallbackReader {

    static final String SMS = "SMS";
    static final String MMS = "MMS";
    static final String TYPING = "TYPING";
    private static final FieldPath USER_FIELD = FieldPath.of("source");
    private static final List<String> MEDIA_FIELDS = List.of("mediaURLs", "mediaURL", "mediaUrls", "mediaUrl");

    public V5InboundToInboundEvent(Clock clock) {
        super(clock);
    }

    @Override
    public InboundEvent toInbound(JsonNode callback, String carrierId) {
        String user = user(USER_FIELD, text(callback, "source"));
        String agent = agent(text(callback, "destination"));
        String type = text(callback, "messageType").map(name -> name.toUpperCase(Locale.ROOT)).orElse("");
        Instant occurredAt = occurredAt(text(callback, "timestamp"));
        Channel channel = switch (type) {
            case SMS -> Channel.SMS;
            case MMS -> Channel.MMS;
            default -> Channel.RCS;
        };
        if (type.equals(TYPING)) {
            return typing(occurredAt, carrierId, channel, agent, user);
        }
        return received(occurredAt, carrierId, text(callback, "messageGUID").orElse(null), channel, agent, user,
                userMessage(callback), text(callback, "originalMessageGUID").orElse(null));
    }

    private static UserMessage userMessage(JsonNode callback) {
        String text = text(callback, "messageText").orElse(null);
        Optional<String> postbackData = text(callback, "postbackData");
        if (postbackData.isPresent()) {
            return UserMessage.suggestion(text, postbackData.get());
        }
        Optional<Double> latitude = number(callback, "latitude");
        Optional<Double> longitude = number(callback, "longitude");
        if (latitude.isPresent() && longitude.isPresent()) {
            return UserMessage.location(new UserLocation(latitude.get(), longitude.get(),
                    text(callback, "address").orElse(null)), text);
        }
        return MEDIA_FIELDS.stream().map(field -> urls(callback.path(field))).filter(urls -> !urls.isEmpty())
                .findFirst().map(urls -> UserMessage.media(urls, text)).orElseGet(() -> UserMessage.text(text));
    }
}
