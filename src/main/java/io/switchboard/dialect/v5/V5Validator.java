package io.switchboard.dialect.v5;

import static io.switchboard.api.FieldRules.LATITUDE;
import static io.switchboard.api.FieldRules.LONGITUDE;
import static io.switchboard.api.FieldRules.atMost;
import static io.switchboard.api.FieldRules.maxLength;
import static io.switchboard.api.FieldRules.notEmpty;
import static io.switchboard.api.FieldRules.oneOf;
import static io.switchboard.api.Rule.all;
import static io.switchboard.api.Rule.each;
import static io.switchboard.api.Rule.ifPresent;
import static io.switchboard.api.Rule.inTurn;
import static io.switchboard.api.Rule.must;
import static io.switchboard.api.Rule.required;

import io.switchboard.api.Checks;
import io.switchboard.api.FieldPath;
import io.switchboard.api.FieldRules;
import io.switchboard.api.PhoneNumbers;
import io.switchboard.api.Rule;
import io.switchboard.api.Rules;
import io.switchboard.api.Voice;
import io.switchboard.dialect.v5.V5Message.Card;
import io.switchboard.dialect.v5.V5Message.Choice;
import io.switchboard.dialect.v5.V5Message.Failover;
import io.switchboard.dialect.v5.V5Message.MmsFailover;
import io.switchboard.dialect.v5.V5Message.SmsFailover;
import io.switchboard.model.CardHeight;
import io.switchboard.model.Suggestion;
import io.switchboard.net.TargetGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of seed 004 for {@code POST /v5/messages}. Reports every problem at once, in v5's own words: the field as
 * a dotted path ({@code cards.1.choices.0.url}) and a message that quotes the field's name
 * ({@code When choice type is OPEN_URL, 'url' is required}). Fields that belong to another message type or choice
 * type are ignored, as unknown fields are. {@code docs/dialects/v5.md} lists the rules and the choices made where
 * the seed is silent.
 */
@Component
public class V5Validator {

    /**
     * The seed gives no limit for {@code source}; it has one for {@code failoverSource}, a sender address too. 50
     * characters, even astral ones, also fit the message store's 128 UTF-16 units.
     */
    static final int MAX_SOURCE = 50;
    static final int MAX_CHOICE_TITLE = 25;
    static final int MAX_POSTBACK = 2048;
    static final int MAX_URL = 2048;
    static final int MAX_PHONE_NUMBER = 20;
    static final int MAX_CARD_TITLE = 100;
    static final int MAX_CARD_DESCRIPTION = 500;
    static final int MAX_FILENAME = 100;
    static final int MAX_CARD_CHOICES = 4;
    static final int MAX_CARDS = 10;
    static final int MAX_EVENT_TITLE = 100;
    static final int MAX_EVENT_DESCRIPTION = 500;
    static final int MAX_FAILOVER_SOURCE = 50;
    static final int MAX_FALLBACK_TEXT = 160;
    static final int MAX_SUBJECT = 100;

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]+");

    /** The field's name in quotes before every refusal; a condition, when there is one, before that. */
    private static final Voice VOICE = (path, words, condition) ->
            (condition == null ? "" : "When " + condition + ", ") + quote(path) + " " + words;

    private static final Rule<String> DATE_TIME = must(Checks::isOffsetDateTime,
            "must be an ISO 8601 date-time with an offset or Z, such as 2030-03-03T15:00:00.000+01:00");

    private static final Rules<Choice> CHOICE = Rules.of(Choice.class)
            .field("type", Choice::type, required(oneOf(V5ChoiceType.values())))
            .field("title", Choice::title, required(maxLength(MAX_CHOICE_TITLE)))
            .field("postbackData", Choice::postbackData, required(maxLength(MAX_POSTBACK)))
            .when(ofType(V5ChoiceType.OPEN_URL), "choice type is OPEN_URL", Rules.of(Choice.class)
                    .field("url", Choice::url, required(maxLength(MAX_URL),
                            must(V5Validator::isAbsoluteUri, "must be a valid URI")))
                    .field("application", Choice::application, required(oneOf(Suggestion.UrlTarget.values())))
                    .field("webviewViewMode", Choice::webviewViewMode,
                            required(oneOf(Suggestion.WebviewMode.values()))))
            .when(ofType(V5ChoiceType.DIAL_PHONE), "choice type is DIAL_PHONE", Rule.field("phoneNumber",
                    Choice::phoneNumber, required(maxLength(MAX_PHONE_NUMBER), must(
                            number -> PHONE_NUMBER.matcher(number).matches(),
                            "must contain only digits, optionally after a +"))))
            .when(ofType(V5ChoiceType.SHOW_LOCATION), "choice type is SHOW_LOCATION", Rules.of(Choice.class)
                    .field("latitude", Choice::latitude, required(LATITUDE))
                    .field("longitude", Choice::longitude, required(LONGITUDE)))
            .when(ofType(V5ChoiceType.CREATE_CALENDAR_EVENT), "choice type is CREATE_CALENDAR_EVENT",
                    Rules.of(Choice.class)
                            .field("startTime", Choice::startTime, required(DATE_TIME))
                            .field("endTime", Choice::endTime, required(DATE_TIME))
                            .field("eventTitle", Choice::eventTitle, required(maxLength(MAX_EVENT_TITLE)))
                            .field("description", Choice::description, ifPresent(maxLength(MAX_EVENT_DESCRIPTION))));

    private final Rules<V5Message> rules;

    public V5Validator(TargetGuard guard) {
        Rule<String> fetchable = inTurn(must(Checks::isHttpUrl, "must be a valid http or https URL"),
                FieldRules.outsideTheHub(guard));
        Rules<Card> card = Rules.of(Card.class)
                .field("title", Card::title, required(maxLength(MAX_CARD_TITLE)))
                .field("description", Card::description, required(maxLength(MAX_CARD_DESCRIPTION)))
                .field("height", Card::height, required(oneOf(CardHeight.values())))
                .field("mediaUrl", Card::mediaUrl, required(fetchable))
                .field("thumbnailUrl", Card::thumbnailUrl, ifPresent(fetchable))
                .field("filenameOverride", Card::filenameOverride, ifPresent(maxLength(MAX_FILENAME)))
                .field("choices", Card::choices, all(atMost(MAX_CARD_CHOICES, "items"), each(object(CHOICE))));
        rules = Rules.of(V5Message.class)
                .field("messageType", V5Message::messageType, required(oneOf(V5MessageType.values())))
                .field("source", V5Message::source, required(maxLength(MAX_SOURCE)))
                // digits as in every seed example (15559876543), optionally with the E.164 plus: E.164 either way
                .field("destination", V5Message::destination, required(must(
                        number -> PhoneNumbers.isE164(V5Numbers.toE164(number)),
                        "must be a phone number of 7 to 15 digits, optionally after a +, such as 15559876543")))
                .when(ofType(V5MessageType.RCS_TEXT), Rule.field("messageText", V5Message::messageText, required()))
                .when(ofType(V5MessageType.RCS_MEDIA), Rules.of(V5Message.class)
                        .field("mediaUrl", V5Message::mediaUrl, required(fetchable))
                        .field("thumbnailUrl", V5Message::thumbnailUrl, required(fetchable))
                        .field("filenameOverride", V5Message::filenameOverride, required()))
                // a standalone card's choices are its card's, checked with the card
                .when(ofType(V5MessageType.RCS_CARD), Rule.via(V5Message::standaloneCard, card))
                .when(ofType(V5MessageType.RCS_CAROUSEL), Rules.of(V5Message.class)
                        .field("cards", V5Message::cards, required(all(notEmpty("item"), atMost(MAX_CARDS, "items"),
                                each(object(card)))))
                        .field("choices", V5Message::choices, atMost(MAX_CARD_CHOICES, "items")))
                .when(ofType(V5MessageType.RCS_CARD).negate(), Rule.field("choices", V5Message::choices,
                        each(object(CHOICE))))
                .field("smsFailover", V5Message::smsFailover, Rule.ifNotNull(
                        failover(SmsFailover.class, "smsFailover", Rules.of(SmsFailover.class))))
                .field("mmsFailover", V5Message::mmsFailover, Rule.ifNotNull(
                        failover(MmsFailover.class, "mmsFailover", Rules.of(MmsFailover.class)
                                .field("mediaUrl", MmsFailover::mediaUrl, required(fetchable))
                                .field("subject", MmsFailover::subject, required(maxLength(MAX_SUBJECT))))))
                .field("callbackURL", V5Message::callbackURL, ifPresent(fetchable));
    }

    public void validate(V5Message request) {
        rules.validate(request, VOICE);
    }

    /** {@code enabled} is always required; the other fields only when it is true. */
    private static <F extends Failover> Rules<F> failover(Class<F> type, String name, Rules<F> own) {
        return Rules.of(type)
                .field("enabled", Failover::enabled, required())
                .requiredWhen(failover -> Boolean.TRUE.equals(failover.enabled()), name + " is enabled",
                        Rules.of(type)
                                .field("failoverSource", Failover::failoverSource,
                                        required(maxLength(MAX_FAILOVER_SOURCE)))
                                .field("fallbackText", Failover::fallbackText, required(maxLength(MAX_FALLBACK_TEXT)))
                                .rule(own));
    }

    /** An array item that is an object; {@code [null]} parses, but is no choice or card. */
    private static <T> Rule<T> object(Rule<? super T> rule) {
        return inTurn(must(Objects::nonNull, "must be an object"), rule);
    }

    private static Predicate<V5Message> ofType(V5MessageType type) {
        return message -> type.name().equals(message.messageType());
    }

    private static Predicate<Choice> ofType(V5ChoiceType type) {
        return choice -> type.name().equals(choice.type());
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * How a v5 message names a field: {@code 'url'} for {@code cards.1.choices.0.url}, as in seed 004, and the whole
     * path for an array item, which has no name of its own ({@code 'choices.0'}).
     */
    static String quote(FieldPath path) {
        List<Object> segments = path.segments();
        boolean named = !segments.isEmpty() && segments.get(segments.size() - 1) instanceof String;
        return "'" + (named ? path.leaf() : path.dotted()) + "'";
    }
}
