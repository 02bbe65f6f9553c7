package io.switchboard.dialect.pinnacle;

import io.switchboard.api.FieldPath;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CardOrientation;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.ImageAlignment;
import io.switchboard.model.Media;
import io.switchboard.model.MediaContent;
import io.switchboard.model.Message;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import io.switchboard.sms.Segmentation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code pinnacle:rcs} (a validated {@link PinnacleWire.RcsSend}) to {@code canonical:message}.
 *
 * <p>One card becomes a standalone card (with {@code options.standalone_card}'s layout), several a carousel. A
 * trigger's payload is the suggestion's postback data; the other buttons have none. Button {@code metadata},
 * {@code options.transcode} and {@code options.validate} have no canonical field and are kept as {@code pinnacle.*}
 * metadata, a button's under its path ({@code pinnacle.cards[0].buttons[1].metadata}). The fallback becomes an SMS
 * leg when it has no media and its text fits {@value PinnacleValidator#SEGMENT_LIMIT} segments, else an MMS leg.
 */
@Component
@DataTypeTransformer(fromType = "pinnacle:rcs", toType = "canonical:message",
        description = "A Pinnacle POST /messages/send/rcs body to a canonical message")
public class PinnacleRcsToCanonical extends PinnacleToCanonical<PinnacleWire.RcsSend> {

    static final String TRANSCODE = "pinnacle.transcode";

    public PinnacleRcsToCanonical(Clock clock) {
        super(PinnacleWire.RcsSend.class, clock);
    }

    @Override
    public Message toCanonical(PinnacleWire.RcsSend request, String tenantId, Instant acceptedAt) {
        PinnacleWire.RcsOptions options = request.options();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (options != null) {
            putIfPresent(metadata, TRANSCODE, options.transcode());
            putIfPresent(metadata, VALIDATE, options.validate());
        }
        List<Suggestion> quickReplies = suggestions(request.quickReplies(), FieldPath.of("quickReplies"), metadata);
        return message(tenantId, request.from(), request.to(), content(request, quickReplies, metadata),
                failover(request.fallback()), options, metadata, acceptedAt);
    }

    private static Content content(PinnacleWire.RcsSend request, List<Suggestion> quickReplies,
            Map<String, String> metadata) {
        if (request.text() != null) {
            return new TextContent(request.text(), quickReplies);
        }
        if (request.media() != null) {
            return new MediaContent(Media.of(URI.create(request.media())), quickReplies);
        }
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < request.cards().size(); i++) {
            cards.add(card(request.cards().get(i), FieldPath.of("cards").index(i), metadata));
        }
        if (cards.size() > 1) {
            return new CarouselContent(null, cards, quickReplies);
        }
        PinnacleWire.StandaloneCard layout = request.options() == null ? null : request.options().standaloneCard();
        if (layout == null) {
            return new CardContent(cards.get(0), null, null, quickReplies);
        }
        return new CardContent(cards.get(0), CardOrientation.valueOf(layout.orientation()),
                layout.imageAlignment() == null ? null : ImageAlignment.valueOf(layout.imageAlignment()), quickReplies);
    }

    private static Card card(PinnacleWire.Card card, FieldPath path, Map<String, String> metadata) {
        return new Card(card.title(), card.subtitle(), card.media() == null ? null : Media.of(URI.create(card.media())),
                null, suggestions(card.buttons(), path.field("buttons"), metadata));
    }

    private static List<Suggestion> suggestions(List<PinnacleWire.Button> buttons, FieldPath path,
            Map<String, String> metadata) {
        if (buttons == null) {
            return List.of();
        }
        List<Suggestion> suggestions = new ArrayList<>(buttons.size());
        for (int i = 0; i < buttons.size(); i++) {
            PinnacleWire.Button button = buttons.get(i);
            putIfPresent(metadata, buttonMetadataKey(path.index(i)), button.metadata());
            suggestions.add(suggestion(button));
        }
        return suggestions;
    }

    /** Where a button's {@code metadata} is kept, such as {@code pinnacle.quickReplies[0].metadata}. */
    static String buttonMetadataKey(FieldPath button) {
        return "pinnacle." + button.field("metadata").bracketed();
    }

    private static Suggestion suggestion(PinnacleWire.Button button) {
        String title = button.title();
        return switch (button.type()) {
            case "trigger" -> new Suggestion.Reply(title, button.payload());
            case "openUrl" -> new Suggestion.OpenUrl(title, null, URI.create(button.payload()),
                    button.webviewMode() == null ? Suggestion.UrlTarget.BROWSER : Suggestion.UrlTarget.WEBVIEW,
                    button.webviewMode() == null ? null : Suggestion.WebviewMode.valueOf(button.webviewMode()));
            case "call" -> new Suggestion.Dial(title, null, button.payload());
            case "requestUserLocation" -> new Suggestion.RequestLocation(title, null);
            case "scheduleEvent" -> new Suggestion.CreateCalendarEvent(title, null,
                    PinnacleTimes.eventTime(button.eventStartTime()).orElseThrow(),
                    PinnacleTimes.eventTime(button.eventEndTime()).orElseThrow(), button.eventTitle(),
                    button.eventDescription());
            case "sendLocation" -> new Suggestion.ShowLocation(title, null, button.latLong().lat(),
                    button.latLong().lng(), button.name());
            default -> throw new IllegalArgumentException("The validator lets no button of type '" + button.type()
                    + "' through");
        };
    }

    private static FailoverPlan failover(PinnacleWire.Fallback fallback) {
        if (fallback == null) {
            return FailoverPlan.none();
        }
        List<URI> media = fallback.mediaUrls() == null ? List.of()
                : fallback.mediaUrls().stream().map(URI::create).toList();
        if (media.isEmpty() && Segmentation.forSending(fallback.text()).count() <= PinnacleValidator.SEGMENT_LIMIT) {
            return new FailoverPlan(new FailoverPlan.SmsLeg(fallback.from(), fallback.text()), null);
        }
        return new FailoverPlan(null, new FailoverPlan.MmsLeg(fallback.from(), fallback.text(), media, null));
    }
}
