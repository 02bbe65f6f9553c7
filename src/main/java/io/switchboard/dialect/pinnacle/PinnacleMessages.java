package io.switchboard.dialect.pinnacle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.FieldPath;
import io.switchboard.api.NotFoundException;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Channel;
import io.switchboard.model.Content;
import io.switchboard.model.EventType;
import io.switchboard.model.Media;
import io.switchboard.model.MediaContent;
import io.switchboard.model.MediaTypes;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.TextContent;
import io.switchboard.pricing.Prices;
import io.switchboard.sms.Segmentation;
import io.switchboard.sms.SmsSegments;
import io.switchboard.store.MessageStore;
import io.switchboard.store.MessageView;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code GET /messages/{id}} in Pinnacle's message shape (FORMATS.md §1.8), rebuilt from the stored canonical message
 * and its timeline, so a message sent in any dialect can be read. {@code cost} and {@code numSegments} are the
 * estimates of the price table; {@code sentAt} and {@code deliveredAt} are the first {@code sent} and
 * {@code delivered} events; {@code error} is the last failure's reason as JSON text {@code {"message": "..."}}, as
 * Pinnacle writes it.
 */
@Component("pinnacleMessages")
public class PinnacleMessages {

    /** Every message the hub holds came in through an API. */
    static final String METHOD = "API";

    private final MessageStore store;
    private final Prices prices;
    private final ObjectMapper mapper;

    public PinnacleMessages(MessageStore store, Prices prices, ObjectMapper mapper) {
        this.store = store;
        this.prices = prices;
        this.mapper = mapper;
    }

    /**
     * The tenant's message.
     *
     * @throws NotFoundException if it does not exist or belongs to another tenant
     */
    public PinnacleMessage get(String tenantId, String messageId) {
        MessageView view = store.view(tenantId, messageId);
        Message message = store.findMessage(messageId)
                .orElseThrow(() -> new NotFoundException("No message " + messageId + " was found."));
        return message(message, view);
    }

    PinnacleMessage message(Message message, MessageView view) {
        Estimate estimate = estimate(message);
        return new PinnacleMessage(message.id(), message.channel().name(), METHOD, status(view), message.sender(),
                message.recipient(), content(message), estimate.segments(), estimate.cost(),
                firstAt(view, EventType.SENT), firstAt(view, EventType.DELIVERED), error(view));
    }

    /** The message's status in Pinnacle's {@code MessageStatusEnum}. */
    static String status(MessageView view) {
        return status(EventType.fromWireName("message." + view.status()), firstAt(view, EventType.SENT) != null);
    }

    /**
     * An event's status in Pinnacle's {@code MessageStatusEnum}. A failure ({@code failed}, {@code expired},
     * {@code revoked}) is {@code DELIVERY_FAILED} once a carrier accepted the message, else {@code SEND_FAILED}.
     */
    static String status(EventType type, boolean carrierAccepted) {
        return switch (type) {
            case QUEUED -> "QUEUED";
            case SENT -> "SENT";
            case DELIVERED -> "DELIVERED";
            case READ -> "READ";
            case FAILOVER -> "FALLBACK_SENT";
            case FAILED, EXPIRED, REVOKED -> carrierAccepted ? "DELIVERY_FAILED" : "SEND_FAILED";
            default -> throw new IllegalArgumentException("Pinnacle has no status for " + type.wireName());
        };
    }

    private Estimate estimate(Message message) {
        if (message.content() instanceof SmsContent sms) {
            SmsSegments segments = Segmentation.forSending(sms.text());
            return new Estimate(segments.count(), prices.sms(segments));
        }
        return new Estimate(1, message.channel() == Channel.MMS ? prices.mms(1) : prices.rcs(1));
    }

    private record Estimate(int segments, BigDecimal cost) {
    }

    private static Instant firstAt(MessageView view, EventType type) {
        return view.events().stream().filter(event -> event.type() == type)
                .map(MessageView.TimelineEntry::occurredAt).findFirst().orElse(null);
    }

    private String error(MessageView view) {
        Optional<String> reason = view.events().stream()
                .filter(event -> event.type() == EventType.FAILED || event.type() == EventType.EXPIRED
                        || event.type() == EventType.REVOKED)
                .reduce((first, second) -> second)
                .map(event -> event.reason() == null ? event.type().statusWord() : event.reason());
        if (reason.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(new ErrorText(reason.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A string always serializes", e);
        }
    }

    /** The {@code type} of the message's content in Pinnacle's webhook events. */
    static String contentType(Message message) {
        Content content = message.content();
        if (content instanceof SmsContent) {
            return "SMS";
        }
        if (content instanceof MmsContent) {
            return "MMS";
        }
        if (content instanceof TextContent) {
            return "RCS_TEXT";
        }
        return content instanceof MediaContent ? "RCS_MEDIA" : "RCS_CARDS";
    }

    static Object content(Message message) {
        Content content = message.content();
        Map<String, String> metadata = message.metadata();
        FieldPath quickReplies = FieldPath.of("quickReplies");
        if (content instanceof SmsContent sms) {
            return new PinnacleWire.SmsContent(sms.text());
        }
        if (content instanceof MmsContent mms) {
            return new PinnacleWire.MmsContent(mms.mediaUrls().stream().map(URI::toString).toList(), mms.text());
        }
        if (content instanceof TextContent text) {
            return new RcsText(text.text(), PinnacleButtons.of(text.suggestions(), quickReplies, metadata));
        }
        if (content instanceof MediaContent media) {
            return new RcsMedia(media(media.media()),
                    PinnacleButtons.of(media.suggestions(), quickReplies, metadata));
        }
        if (content instanceof CardContent card) {
            return new RcsCards(List.of(card(card.card(), 0, metadata)),
                    PinnacleButtons.of(card.suggestions(), quickReplies, metadata));
        }
        CarouselContent carousel = (CarouselContent) content;
        List<CardDetails> cards = new ArrayList<>();
        for (int i = 0; i < carousel.cards().size(); i++) {
            cards.add(card(carousel.cards().get(i), i, metadata));
        }
        return new RcsCards(cards, PinnacleButtons.of(carousel.suggestions(), quickReplies, metadata));
    }

    private static CardDetails card(Card card, int index, Map<String, String> metadata) {
        FieldPath buttons = FieldPath.of("cards").index(index).field("buttons");
        return new CardDetails(card.title(), card.description(), card.media() == null ? null : media(card.media()),
                PinnacleButtons.of(card.suggestions(), buttons, metadata));
    }

    private static MediaDetails media(Media media) {
        String url = media.url().toString();
        String mimeType = media.contentType() != null ? media.contentType()
                : MediaTypes.rcs(url).orElse(MediaTypes.UNKNOWN);
        return new MediaDetails(url, mimeType);
    }

    /**
     * @param type        {@code SMS}, {@code MMS} or {@code RCS}
     * @param status      Pinnacle's {@code MessageStatusEnum}
     * @param content     SMS {@code {text}}, MMS {@code {mediaUrls, text?}}, or one of the RCS shapes with media as
     *                    {@code {url, mimeType}}
     * @param error       JSON text, or null
     */
    public record PinnacleMessage(String id, String type, String method, String status, String sender,
            String receiver, Object content, int numSegments, BigDecimal cost, Instant sentAt, Instant deliveredAt,
            String error) {
    }

    public record RcsText(String text, List<PinnacleWire.Button> quickReplies) {
    }

    public record RcsMedia(MediaDetails media, List<PinnacleWire.Button> quickReplies) {
    }

    public record RcsCards(List<CardDetails> cards, List<PinnacleWire.Button> quickReplies) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CardDetails(String title, String subtitle, MediaDetails media, List<PinnacleWire.Button> buttons) {
    }

    public record MediaDetails(String url, String mimeType) {
    }

    public record ErrorText(String message) {
    }
}
