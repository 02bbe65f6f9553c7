package io.switchboard.dialect.v5;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import io.switchboard.camel.Variables;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CardHeight;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Media;
import io.switchboard.model.MediaContent;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TemplateContent;
import io.switchboard.model.TextContent;
import io.switchboard.store.Leg;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;
import org.springframework.stereotype.Component;

/**
 * {@code canonical:message} to {@code v5:message}, the request a v5 RCS carrier gets.
 *
 * <p>Needs from the exchange: the variable {@value Variables#LEG}, whose callback URL goes into {@code callbackURL}.
 * The hub runs failover itself unless a routing rule hands it to the carrier: then the exchange variable
 * {@value Variables#CARRIER_FAILOVER} holds the leg, written as {@code smsFailover} or {@code mmsFailover} (whose one
 * {@code mediaUrl} is the leg's first file).
 */
@Component
@DataTypeTransformer(name = "v5:message", description = "A canonical message to a v5 RCS carrier request")
public class CanonicalToV5Message extends Transformer {

    private final V5CallbackUrls callbackUrls;

    public CanonicalToV5Message(V5CallbackUrls callbackUrls) {
        this.callbackUrls = callbackUrls;
    }

    @Override
    public void transform(org.apache.camel.Message message, DataType from, DataType to) {
        Leg leg = message.getExchange().getVariable(Variables.LEG, Leg.class);
        FailoverPlan carrierFailover = message.getExchange().getVariable(Variables.CARRIER_FAILOVER,
                FailoverPlan.class);
        V5Message request = toV5(message.getBody(Message.class), callbackUrls.forLeg(leg.legId()));
        message.setBody(carrierFailover == null ? request : withFailover(request, carrierFailover));
    }

    /** The request with the failover leg the carrier is to send itself when RCS does not reach the recipient. */
    static V5Message withFailover(V5Message request, FailoverPlan plan) {
        V5Message.SmsFailover sms = plan.sms() == null ? null : new V5Message.SmsFailover(true,
                V5Numbers.fromE164(plan.sms().sender()), plan.sms().text());
        V5Message.MmsFailover mms = plan.mms() == null ? null : new V5Message.MmsFailover(true,
                V5Numbers.fromE164(plan.mms().sender()), plan.mms().text(), plan.mms().mediaUrls().get(0).toString(),
                plan.mms().subject());
        return new V5Message(request.messageType(), request.source(), request.destination(), request.messageText(),
                request.mediaUrl(), request.thumbnailUrl(), request.filenameOverride(), request.title(),
                request.description(), request.height(), request.choices(), request.cards(), sms, mms,
                request.callbackURL());
    }

    public V5Message toV5(Message message, String callbackUrl) {
        String source = message.sender();
        String destination = V5Numbers.fromE164(message.recipient());
        Content content = message.content();
        if (content instanceof TextContent text) {
            return new V5Message(V5MessageType.RCS_TEXT.name(), source, destination, text.text(), null, null, null,
                    null, null, null, choices(text.suggestions()), null, null, null, callbackUrl);
        }
        if (content instanceof MediaContent media) {
            Media file = media.media();
            return new V5Message(V5MessageType.RCS_MEDIA.name(), source, destination, null, string(file.url()),
                    string(file.thumbnailUrl()), file.fileName(), null, null, null, choices(media.suggestions()),
                    null, null, null, callbackUrl);
        }
        if (content instanceof CardContent standalone) {
            Card card = standalone.card();
            Media file = card.media();
            return new V5Message(V5MessageType.RCS_CARD.name(), source, destination, null,
                    file == null ? null : string(file.url()), file == null ? null : string(file.thumbnailUrl()),
                    file == null ? null : file.fileName(), card.title(), card.description(), height(card.height()),
                    choices(cardAndChips(card.suggestions(), standalone.suggestions())), null, null, null,
                    callbackUrl);
        }
        if (content instanceof CarouselContent carousel) {
            return new V5Message(V5MessageType.RCS_CAROUSEL.name(), source, destination, null, null, null, null,
                    null, null, null, choices(carousel.suggestions()),
                    carousel.cards().stream().map(CanonicalToV5Message::card).toList(), null, null, callbackUrl);
        }
        if (content instanceof SmsContent || content instanceof MmsContent) {
            throw new IllegalArgumentException("A v5 carrier carries RCS only; " + content.channel()
                    + " content needs an SMS/MMS carrier");
        }
        if (content instanceof TemplateContent) {
            throw new IllegalArgumentException("A v5 carrier has no stored templates; template content needs a "
                    + "Channels carrier");
        }
        throw new IllegalArgumentException("Unknown content " + content);
    }

    private static V5Message.Card card(Card card) {
        Media file = card.media();
        return new V5Message.Card(card.title(), card.description(), height(card.height()),
                file == null ? null : string(file.url()), file == null ? null : string(file.thumbnailUrl()),
                file == null ? null : file.fileName(), choices(card.suggestions()));
    }

    /** An RCS_CARD has one list of choices: the card's buttons, then the chips the message had beside it. */
    private static List<Suggestion> cardAndChips(List<Suggestion> buttons, List<Suggestion> chips) {
        return Stream.concat(buttons.stream(), chips.stream()).toList();
    }

    private static List<V5Message.Choice> choices(List<Suggestion> suggestions) {
        return suggestions.isEmpty() ? null : suggestions.stream().map(CanonicalToV5Message::choice).toList();
    }

    /** v5 requires postbackData on every choice; a chip without one posts back its own label. */
    private static V5Message.Choice choice(Suggestion suggestion) {
        String title = suggestion.text();
        String postback = suggestion.postbackData() == null ? title : suggestion.postbackData();
        if (suggestion instanceof Suggestion.Reply) {
            return new V5Message.Choice("REPLY", title, postback, null, null, null, null, null, null, null, null,
                    null, null, null);
        }
        if (suggestion instanceof Suggestion.OpenUrl open) {
            Suggestion.UrlTarget target = open.target() == null ? Suggestion.UrlTarget.BROWSER : open.target();
            Suggestion.WebviewMode mode = open.webviewMode() == null ? Suggestion.WebviewMode.FULL : open.webviewMode();
            return new V5Message.Choice("OPEN_URL", title, postback, string(open.url()), target.name(), mode.name(),
                    null, null, null, null, null, null, null, null);
        }
        if (suggestion instanceof Suggestion.Dial dial) {
            return new V5Message.Choice("DIAL_PHONE", title, postback, null, null, null,
                    V5Numbers.fromE164(dial.phoneNumber()), null, null, null, null, null, null, null);
        }
        if (suggestion instanceof Suggestion.ShowLocation location) {
            return new V5Message.Choice("SHOW_LOCATION", title, postback, null, null, null, null,
                    location.latitude(), location.longitude(), location.label(), null, null, null, null);
        }
        if (suggestion instanceof Suggestion.RequestLocation) {
            return new V5Message.Choice("REQUEST_LOCATION", title, postback, null, null, null, null, null, null,
                    null, null, null, null, null);
        }
        Suggestion.CreateCalendarEvent event = (Suggestion.CreateCalendarEvent) suggestion;
        return new V5Message.Choice("CREATE_CALENDAR_EVENT", title, postback, null, null, null, null, null, null,
                null, ISO_OFFSET_DATE_TIME.format(event.start()), ISO_OFFSET_DATE_TIME.format(event.end()), event.title(),
                event.description());
    }

    /** v5 requires a height on every card; MEDIUM is the middle one, for dialects without heights. */
    private static String height(CardHeight height) {
        return (height == null ? CardHeight.MEDIUM : height).name();
    }

    private static String string(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
