package io.switchboard.dialect.v1;

import io.switchboard.camel.Variables;
import io.switchboard.intake.RequestToCanonical;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CardHeight;
import io.switchboard.model.CardOrientation;
import io.switchboard.model.CardWidth;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.Ids;
import io.switchboard.model.ImageAlignment;
import io.switchboard.model.Media;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code v1:message} (a validated {@link V1SendRequest}) to {@code canonical:message}: RCS text, standalone card or
 * carousel with an {@code agent_id}, SMS text with a {@code channel_id}.
 *
 * <p>Needs from the exchange: the variable {@value Variables#TENANT}. Assigns the hub message id and the acceptance
 * time; the shared accept route adds the idempotency key.
 */
@Component
@DataTypeTransformer(fromType = "v1:message", toType = "canonical:message",
        description = "A v1 POST /v1/messages body to a canonical message")
public class V1MessageToCanonical extends RequestToCanonical<V1SendRequest> {

    public static final String MESSAGE_TYPE = "v1.message_type";
    public static final String TRAFFIC_TYPE = "v1.traffic_type";

    public V1MessageToCanonical(Clock clock) {
        super(V1SendRequest.class, clock);
    }

    @Override
    public Message toCanonical(V1SendRequest request, String tenantId, Instant acceptedAt) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (request.messageType() != null) {
            metadata.put(MESSAGE_TYPE, request.messageType());
        }
        if (request.trafficType() != null) {
            metadata.put(TRAFFIC_TYPE, request.trafficType());
        }
        boolean sms = request.agentId() == null || request.agentId().isBlank();
        return new Message(
                Ids.messageId(),
                tenantId,
                Dialect.V1,
                null,
                sms ? request.channelId() : request.agentId(),
                request.to(),
                sms ? new SmsContent(request.content().text()) : rcsContent(request.content()),
                null,
                null,
                request.ttl() == null ? null : ttl(request.ttl()),
                null,
                metadata,
                acceptedAt);
    }

    private static Content rcsContent(V1SendRequest.Content content) {
        List<Suggestion> chips = suggestions(content.suggestions());
        V1SendRequest.RichCard richCard = content.richCard();
        if (richCard == null) {
            return new TextContent(content.text(), chips);
        }
        if (richCard.standalone() != null) {
            V1SendRequest.Standalone standalone = richCard.standalone();
            return new CardContent(card(standalone.content()), enumOrNull(CardOrientation.class,
                    standalone.orientation()), enumOrNull(ImageAlignment.class,
                    standalone.thumbnailImageAlignment()), chips);
        }
        return new CarouselContent(enumOrNull(CardWidth.class, richCard.carousel().cardWidth()),
                richCard.carousel().cards().stream().map(V1MessageToCanonical::card).toList(), chips);
    }

    private static Card card(V1SendRequest.Card card) {
        V1SendRequest.Media media = card.media();
        return new Card(card.title(), card.description(),
                media == null ? null : new Media(URI.create(media.url()),
                        media.thumbnailUrl() == null ? null : URI.create(media.thumbnailUrl()), null, null),
                media == null ? null : enumOrNull(CardHeight.class, media.height()),
                suggestions(card.suggestions()));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Duration ttl(String ttl) {
        BigDecimal seconds = new BigDecimal(ttl.substring(0, ttl.length() - 1));
        return Duration.ofSeconds(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    private static List<Suggestion> suggestions(List<V1SendRequest.Suggestion> suggestions) {
        if (suggestions == null) {
            return List.of();
        }
        return suggestions.stream().map(V1MessageToCanonical::suggestion).toList();
    }

    private static Suggestion suggestion(V1SendRequest.Suggestion suggestion) {
        if (suggestion.reply() != null) {
            return new Suggestion.Reply(suggestion.reply().text(), postback(suggestion.reply().postbackData()));
        }
        V1SendRequest.Action action = suggestion.action();
        String text = action.text();
        String postback = postback(action.postbackData());
        if (action.dial() != null) {
            return new Suggestion.Dial(text, postback, action.dial().phoneNumber());
        }
        if (action.openUrl() != null) {
            return new Suggestion.OpenUrl(text, postback, URI.create(action.openUrl().url()),
                    Suggestion.UrlTarget.BROWSER, null);
        }
        if (action.openUrlInWebview() != null) {
            String mode = action.openUrlInWebview().viewMode();
            return new Suggestion.OpenUrl(text, postback, URI.create(action.openUrlInWebview().url()),
                    Suggestion.UrlTarget.WEBVIEW, mode == null ? null : Suggestion.WebviewMode.valueOf(mode));
        }
        if (action.viewLocation() != null) {
            V1SendRequest.ViewLocation location = action.viewLocation();
            return new Suggestion.ShowLocation(text, postback, location.latLong().latitude(),
                    location.latLong().longitude(), location.label());
        }
        if (action.shareLocation() != null) {
            return new Suggestion.RequestLocation(text, postback);
        }
        V1SendRequest.CalendarEvent event = action.createCalendarEvent();
        return new Suggestion.CreateCalendarEvent(text, postback, OffsetDateTime.parse(event.startTime()),
                OffsetDateTime.parse(event.endTime()), event.title(), event.description());
    }

    private static String postback(String base64) {
        return base64 == null ? null : V1Validator.decodePostback(base64);
    }
}
