package io.switchboard.dialect.v1;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.Media;
import io.switchboard.model.MediaContent;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;
import org.springframework.stereotype.Component;

/**
 * {@code canonical:message} to {@code v1:message}, the {@code POST /v1/messages} body a v1 (Arowana) carrier gets.
 * The inverse of {@link V1MessageToCanonical}, except where v1 has no field for a canonical one
 * ({@code docs/dialects/v1.md}, "v1 as a carrier"):
 * <ul>
 *   <li>an RCS media message becomes a standalone rich card holding only the media (v1 has no media message);</li>
 *   <li>a carousel of one card becomes a standalone rich card (a v1 carousel has 2 to 10 cards);</li>
 *   <li>media file names and content types, and the height of a card without media, have no v1 field;</li>
 *   <li>MMS cannot be sent through v1 at all.</li>
 * </ul>
 *
 * <p>Needs from the exchange: the variable {@value Variables#CARRIER}, whose SMS channel sends SMS content.
 */
@Component
@DataTypeTransformer(name = "v1:message", description = "A canonical message to a v1 carrier request")
public class CanonicalToV1Message extends Transformer {

    /**
     * v1 requires both on an RCS send; an RCS message that did not come in through v1 gets these. An SMS carries them
     * only when its client gave them, as v1 does not require them there.
     */
    static final String DEFAULT_MESSAGE_TYPE = V1Validator.MessageType.MESSAGE.name();
    static final String DEFAULT_TRAFFIC_TYPE = V1Validator.TrafficType.TRANSACTION.name();

    @Override
    public void transform(org.apache.camel.Message message, DataType from, DataType to) {
        CarrierConnector carrier = message.getExchange().getVariable(Variables.CARRIER, CarrierConnector.class);
        Message canonical = message.getBody(Message.class);
        String smsChannel = carrier.channelId() == null ? canonical.sender() : carrier.channelId();
        message.setBody(toV1(canonical, smsChannel));
    }

    /** The v1 request, the message's sender being its agent (RCS) or its channel (SMS), as the v1 ingress reads. */
    public V1SendRequest toV1(Message message) {
        return toV1(message, message.sender());
    }

    /**
     * The v1 request.
     *
     * @param smsChannelId the v1 {@code channel_id} SMS content is sent from
     * @throws IllegalArgumentException for MMS content, which v1 cannot carry
     */
    public V1SendRequest toV1(Message message, String smsChannelId) {
        Content content = message.content();
        Map<String, String> metadata = message.metadata();
        String ttl = ttl(message.timeToLive());
        if (content instanceof SmsContent sms) {
            return new V1SendRequest(message.recipient(), null, smsChannelId,
                    metadata.get(V1MessageToCanonical.MESSAGE_TYPE), metadata.get(V1MessageToCanonical.TRAFFIC_TYPE),
                    ttl, new V1SendRequest.Content(sms.text(), null, null));
        }
        return new V1SendRequest(message.recipient(), message.sender(), null,
                metadata.getOrDefault(V1MessageToCanonical.MESSAGE_TYPE, DEFAULT_MESSAGE_TYPE),
                metadata.getOrDefault(V1MessageToCanonical.TRAFFIC_TYPE, DEFAULT_TRAFFIC_TYPE), ttl,
                rcsContent(content));
    }

    private static V1SendRequest.Content rcsContent(Content content) {
        if (content instanceof TextContent text) {
            return new V1SendRequest.Content(text.text(), suggestions(text.suggestions()), null);
        }
        if (content instanceof MediaContent media) {
            V1SendRequest.Card card = new V1SendRequest.Card(null, null, media(media.media(), null), null);
            return richCard(standalone(null, null, card), media.suggestions());
        }
        if (content instanceof CardContent standalone) {
            return richCard(standalone(name(standalone.orientation()), name(standalone.imageAlignment()),
                    card(standalone.card())), standalone.suggestions());
        }
        if (content instanceof CarouselContent carousel) {
            if (carousel.cards().size() == 1) {
                return richCard(standalone(null, null, card(carousel.cards().get(0))), carousel.suggestions());
            }
            V1SendRequest.Carousel cards = new V1SendRequest.Carousel(name(carousel.cardWidth()),
                    carousel.cards().stream().map(CanonicalToV1Message::card).toList());
            return richCard(new V1SendRequest.RichCard(null, cards), carousel.suggestions());
        }
        if (content instanceof MmsContent) {
            throw new IllegalArgumentException("A v1 carrier carries RCS and SMS only; MMS content needs an MMS"
                    + " carrier");
        }
        throw new IllegalArgumentException("Unknown content " + content);
    }

    private static V1SendRequest.Content richCard(V1SendRequest.RichCard richCard, List<Suggestion> chips) {
        return new V1SendRequest.Content(null, suggestions(chips), richCard);
    }

    private static V1SendRequest.RichCard standalone(String orientation, String alignment, V1SendRequest.Card card) {
        return new V1SendRequest.RichCard(new V1SendRequest.Standalone(orientation, alignment, card), null);
    }

    private static V1SendRequest.Card card(Card card) {
        return new V1SendRequest.Card(card.title(), card.description(), media(card.media(), name(card.height())),
                suggestions(card.suggestions()));
    }

    private static V1SendRequest.Media media(Media media, String height) {
        return media == null ? null : new V1SendRequest.Media(string(media.url()), string(media.thumbnailUrl()), height);
    }

    private static List<V1SendRequest.Suggestion> suggestions(List<Suggestion> suggestions) {
        return suggestions.isEmpty() ? null : suggestions.stream().map(CanonicalToV1Message::suggestion).toList();
    }

    private static V1SendRequest.Suggestion suggestion(Suggestion suggestion) {
        String text = suggestion.text();
        String postback = postback(suggestion.postbackData());
        if (suggestion instanceof Suggestion.Reply) {
            return new V1SendRequest.Suggestion(new V1SendRequest.Reply(text, postback), null);
        }
        return new V1SendRequest.Suggestion(null, action(suggestion, text, postback));
    }

    private static V1SendRequest.Action action(Suggestion suggestion, String text, String postback) {
        if (suggestion instanceof Suggestion.Dial dial) {
            return new V1SendRequest.Action(text, postback, null, new V1SendRequest.Dial(dial.phoneNumber()), null,
                    null, null, null, null);
        }
        if (suggestion instanceof Suggestion.OpenUrl open) {
            String url = string(open.url());
            // a browser has no view mode, so a mode given with the browser target has nowhere to go
            return open.target() == Suggestion.UrlTarget.WEBVIEW
                    ? new V1SendRequest.Action(text, postback, null, null, null,
                            new V1SendRequest.OpenUrl(url, name(open.webviewMode())), null, null, null)
                    : new V1SendRequest.Action(text, postback, null, null, new V1SendRequest.OpenUrl(url, null),
                            null, null, null, null);
        }
        if (suggestion instanceof Suggestion.ShowLocation location) {
            V1SendRequest.ViewLocation view = new V1SendRequest.ViewLocation(
                    new V1SendRequest.LatLong(location.latitude(), location.longitude()), location.label());
            return new V1SendRequest.Action(text, postback, null, null, null, null, view, null, null);
        }
        if (suggestion instanceof Suggestion.RequestLocation) {
            return new V1SendRequest.Action(text, postback, null, null, null, null, null,
                    new V1SendRequest.ShareLocation(), null);
        }
        Suggestion.CreateCalendarEvent event = (Suggestion.CreateCalendarEvent) suggestion;
        V1SendRequest.CalendarEvent calendar = new V1SendRequest.CalendarEvent(ISO_OFFSET_DATE_TIME.format(
                event.start()), ISO_OFFSET_DATE_TIME.format(event.end()), event.title(), event.description());
        return new V1SendRequest.Action(text, postback, null, null, null, null, null, null, calendar);
    }

    /** v1 carries postback data as base64; the canonical model holds the plain text. */
    /** Postback data as v1 carries it: the base64 of its UTF-8 text. */
    static String postback(String text) {
        return text == null ? null : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whole and fractional seconds with v1's {@code s} suffix, such as {@code 3600s} or {@code 1.5s}. */
    private static String ttl(Duration ttl) {
        if (ttl == null) {
            return null;
        }
        BigDecimal seconds = BigDecimal.valueOf(ttl.getSeconds()).add(BigDecimal.valueOf(ttl.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString() + "s";
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String string(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
