package io.switchboard.dialect.pinnacle;

import io.switchboard.api.Checks;
import io.switchboard.api.FieldPath;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.MediaContent;
import io.switchboard.model.Message;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code canonical:message} with RCS content to {@code pinnacle:rcs}, the {@code POST /messages/send/rcs} body: the
 * inverse of {@link PinnacleRcsToCanonical}, except where Pinnacle has no field for a canonical one
 * ({@code docs/MAPPING.md}, the {@code pinnacle-*} losses):
 * <ul>
 *   <li>media is a URL only: thumbnails, file names, content types, card heights and carousel widths are not sent;</li>
 *   <li>a carousel of one card goes as one card, which Pinnacle shows as a standalone card;</li>
 *   <li>a card layout needs an orientation, so an image alignment alone is not sent;</li>
 *   <li>a card needs a title: one without takes its description as the title (cut to
 *       {@value PinnacleValidator#MAX_CARD_TITLE} characters), else its media's file name;</li>
 *   <li>at most {@value #MAX_QUICK_REPLIES} quick replies: v5 allows 11, the eleventh is not sent;</li>
 *   <li>postback data rides on replies ({@code trigger}) only; see {@link PinnacleButtons}.</li>
 * </ul>
 */
@Component
@DataTypeTransformer(name = "pinnacle:rcs", description = "A canonical RCS message to a Pinnacle carrier request")
public class CanonicalToPinnacleRcs extends CanonicalToPinnacle {

    static final int MAX_QUICK_REPLIES = 10;
    private static final String AGENT_PREFIX = "agent_";
    private static final String CUT = "...";

    @Override
    public void transform(org.apache.camel.Message message, DataType from, DataType to) {
        CarrierConnector carrier = message.getExchange().getVariable(Variables.CARRIER, CarrierConnector.class);
        FailoverPlan carrierFailover = message.getExchange().getVariable(Variables.CARRIER_FAILOVER,
                FailoverPlan.class);
        PinnacleWire.RcsSend request = write(message.getBody(Message.class), carrier);
        message.setBody(carrierFailover == null ? request : withFallback(request, carrierFailover));
    }

    @Override
    PinnacleWire.RcsSend write(Message message, CarrierConnector carrier) {
        boolean pinnacleAgent = message.sender() != null && message.sender().startsWith(AGENT_PREFIX);
        return toRcs(message, pinnacleAgent || carrier.agentId() == null ? message.sender() : carrier.agentId());
    }

    /**
     * The request with the {@code fallback} Pinnacle sends itself when the recipient cannot get RCS (a routing rule's
     * failover mode {@code carrier}): the MMS leg when there is one, else the SMS leg.
     */
    static PinnacleWire.RcsSend withFallback(PinnacleWire.RcsSend request, FailoverPlan plan) {
        PinnacleWire.Fallback fallback = plan.mms() != null
                ? new PinnacleWire.Fallback(plan.mms().sender(), plan.mms().text(),
                        plan.mms().mediaUrls().stream().map(URI::toString).toList())
                : new PinnacleWire.Fallback(plan.sms().sender(), plan.sms().text(), null);
        return new PinnacleWire.RcsSend(request.from(), request.to(), request.text(), request.media(),
                request.cards(), request.quickReplies(), fallback, request.options());
    }

    /** The request from the message's own sender. */
    public PinnacleWire.RcsSend toRcs(Message message) {
        return toRcs(message, message.sender());
    }

    /** @throws IllegalArgumentException for content other than RCS, which the dispatch sends to another path */
    public PinnacleWire.RcsSend toRcs(Message message, String from) {
        Content content = message.content();
        Map<String, String> metadata = message.metadata();
        String to = message.recipient();
        if (content instanceof TextContent text) {
            return new PinnacleWire.RcsSend(from, to, text.text(), null, null,
                    quickReplies(text.suggestions(), metadata), null, options(metadata, null));
        }
        if (content instanceof MediaContent media) {
            return new PinnacleWire.RcsSend(from, to, null, media.media().url().toString(), null,
                    quickReplies(media.suggestions(), metadata), null, options(metadata, null));
        }
        if (content instanceof CardContent card) {
            PinnacleWire.StandaloneCard layout = card.orientation() == null ? null
                    : new PinnacleWire.StandaloneCard(card.orientation().name(),
                            card.imageAlignment() == null ? null : card.imageAlignment().name());
            return new PinnacleWire.RcsSend(from, to, null, null, List.of(card(card.card(), 0, metadata)),
                    quickReplies(card.suggestions(), metadata), null, options(metadata, layout));
        }
        if (content instanceof CarouselContent carousel) {
            List<PinnacleWire.Card> cards = new ArrayList<>(carousel.cards().size());
            for (int i = 0; i < carousel.cards().size(); i++) {
                cards.add(card(carousel.cards().get(i), i, metadata));
            }
            return new PinnacleWire.RcsSend(from, to, null, null, cards,
                    quickReplies(carousel.suggestions(), metadata), null, options(metadata, null));
        }
        throw new IllegalArgumentException("pinnacle:rcs writes RCS content only, not " + content);
    }

    private static PinnacleWire.Card card(Card card, int index, Map<String, String> metadata) {
        String title = card.title();
        String subtitle = card.description();
        if (title == null && subtitle != null) {
            boolean fits = Checks.length(subtitle) <= PinnacleValidator.MAX_CARD_TITLE;
            title = fits ? subtitle : subtitle.substring(0,
                    subtitle.offsetByCodePoints(0, PinnacleValidator.MAX_CARD_TITLE - CUT.length())) + CUT;
            subtitle = fits ? null : subtitle;
        } else if (title == null && card.media() != null) {
            title = fileName(card.media().url());
        }
        List<PinnacleWire.Button> buttons = PinnacleButtons.of(card.suggestions(),
                FieldPath.of("cards").index(index).field("buttons"), metadata);
        return new PinnacleWire.Card(title, subtitle, card.media() == null ? null : card.media().url().toString(),
                buttons.isEmpty() ? null : buttons);
    }

    private static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<PinnacleWire.Button> quickReplies(List<Suggestion> suggestions, Map<String, String> metadata) {
        List<Suggestion> sent = suggestions.size() <= MAX_QUICK_REPLIES ? suggestions
                : suggestions.subList(0, MAX_QUICK_REPLIES);
        return sent.isEmpty() ? null : PinnacleButtons.of(sent, FieldPath.of("quickReplies"), metadata);
    }

    private static PinnacleWire.RcsOptions options(Map<String, String> metadata,
            PinnacleWire.StandaloneCard layout) {
        String tracking = metadata.get(PinnacleToCanonical.TRACKING);
        Boolean transcode = flag(metadata, PinnacleRcsToCanonical.TRANSCODE);
        Boolean validate = flag(metadata, PinnacleToCanonical.VALIDATE);
        if (tracking == null && transcode == null && validate == null && layout == null) {
            return null;
        }
        return new PinnacleWire.RcsOptions(null, tracking, transcode, validate, layout);
    }
}
