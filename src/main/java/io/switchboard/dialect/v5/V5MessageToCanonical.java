package io.switchboard.dialect.v5;

import io.switchboard.api.Checks;
import io.switchboard.camel.Variables;
import io.switchboard.intake.RequestToCanonical;
import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CardHeight;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Ids;
import io.switchboard.model.Media;
import io.switchboard.model.MediaContent;
import io.switchboard.model.Message;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code v5:message} (a {@link V5Message} that passed {@link V5Validator}) to {@code canonical:message}.
 *
 * <p>Needs from the exchange: the variable {@value Variables#TENANT}. Assigns the hub message id, which the client
 * gets as its {@code messageGUID}, and the acceptance time. Phone numbers get their E.164 plus back.
 */
@Component
@DataTypeTransformer(fromType = "v5:message", toType = "canonical:message",
        description = "A v5 POST /v5/messages body to a canonical message")
public class V5MessageToCanonical extends RequestToCanonical<V5Message> {

    public V5MessageToCanonical(Clock clock) {
        super(V5Message.class, clock);
    }

    @Override
    public Message toCanonical(V5Message request, String tenantId, Instant acceptedAt) {
        return new Message(
                Ids.messageId(),
                tenantId,
                Dialect.V5,
                null,
                request.source(),
                V5Numbers.toE164(request.destination()),
                content(request),
                failover(request),
                uri(request.callbackURL()),
                null,
                null,
                Map.of(),
                acceptedAt);
    }

    private static Content content(V5Message request) {
        return switch (V5MessageType.valueOf(request.messageType())) {
            case RCS_TEXT -> new TextContent(request.messageText(), suggestions(request.choices()));
            case RCS_MEDIA -> new MediaContent(media(request.mediaUrl(), request.thumbnailUrl(),
                    request.filenameOverride()), suggestions(request.choices()));
            case RCS_CARD -> new CardContent(card(request.standaloneCard()), null, null, List.of());
            case RCS_CAROUSEL -> new CarouselContent(null,
                    request.cards().stream().map(V5MessageToCanonical::card).toList(),
                    suggestions(request.choices()));
        };
    }

    private static Card card(V5Message.Card card) {
        return new Card(card.title(), card.description(),
                media(card.mediaUrl(), card.thumbnailUrl(), card.filenameOverride()),
                CardHeight.valueOf(card.height()), suggestions(card.choices()));
    }

    private static Media media(String url, String thumbnailUrl, String fileName) {
        return new Media(uri(url), uri(thumbnailUrl), Checks.isBlank(fileName) ? null : fileName, null);
    }

    private static List<Suggestion> suggestions(List<V5Message.Choice> choices) {
        return choices == null ? List.of() : choices.stream().map(V5MessageToCanonical::suggestion).toList();
    }

    private static Suggestion suggestion(V5Message.Choice choice) {
        String title = choice.title();
        String postback = choice.postbackData();
        return switch (V5ChoiceType.valueOf(choice.type())) {
            case REPLY -> new Suggestion.Reply(title, postback);
            case OPEN_URL -> new Suggestion.OpenUrl(title, postback, URI.create(choice.url()),
                    Suggestion.UrlTarget.valueOf(choice.application()),
                    Suggestion.WebviewMode.valueOf(choice.webviewViewMode()));
            case DIAL_PHONE -> new Suggestion.Dial(title, postback, V5Numbers.toE164(choice.phoneNumber()));
            case SHOW_LOCATION -> new Suggestion.ShowLocation(title, postback, choice.latitude(), choice.longitude(),
                    choice.label());
            case REQUEST_LOCATION -> new Suggestion.RequestLocation(title, postback);
            case CREATE_CALENDAR_EVENT -> new Suggestion.CreateCalendarEvent(title, postback,
                    OffsetDateTime.parse(choice.startTime()), OffsetDateTime.parse(choice.endTime()),
                    choice.eventTitle(), choice.description());
        };
    }

    /** Only enabled failover objects become legs; a disabled one asks for nothing. */
    private static FailoverPlan failover(V5Message request) {
        V5Message.SmsFailover sms = request.smsFailover();
        V5Message.MmsFailover mms = request.mmsFailover();
        return new FailoverPlan(
                sms != null && Boolean.TRUE.equals(sms.enabled())
                        ? new FailoverPlan.SmsLeg(sms.failoverSource(), sms.fallbackText()) : null,
                mms != null && Boolean.TRUE.equals(mms.enabled())
                        ? new FailoverPlan.MmsLeg(mms.failoverSource(), mms.fallbackText(),
                                List.of(URI.create(mms.mediaUrl())), mms.subject()) : null);
    }

    /** Optional URLs: the validator treats a blank one as absent, and so does the canonical model. */
    private static URI uri(String url) {
        return Checks.isBlank(url) ? null : URI.create(url);
    }
}
