package io.switchboard.dialect.v5;

import io.switchboard.api.Checks;
import io.switchboard.api.FieldPath;
import io.switchboard.api.PhoneNumbers;
import io.switchboard.api.Violations;
import io.switchboard.model.CardHeight;
import io.switchboard.model.Suggestion;
import io.switchboard.net.TargetGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]+");

    private final TargetGuard guard;

    public V5Validator(TargetGuard guard) {
        this.guard = guard;
    }

    public void validate(V5Message request) {
        Rules rules = new Rules();
        V5MessageType type = rules.oneOf(request.messageType(), V5MessageType.values(), FieldPath.of("messageType"),
                Need.REQUIRED);
        rules.text(request.source(), FieldPath.of("source"), Need.REQUIRED, MAX_SOURCE);
        FieldPath destination = FieldPath.of("destination");
        // digits as in every seed example (15559876543), optionally with the E.164 plus: an E.164 number either way
        if (rules.present(request.destination(), destination, Need.REQUIRED)
                && !PhoneNumbers.isE164(V5Numbers.toE164(request.destination()))) {
            rules.refuse(destination, "must be a phone number of 7 to 15 digits, optionally after a +, such as"
                    + " 15559876543");
        }
        if (type == V5MessageType.RCS_TEXT) {
            rules.present(request.messageText(), FieldPath.of("messageText"), Need.REQUIRED);
        } else if (type == V5MessageType.RCS_MEDIA) {
            rules.fetchableUrl(request.mediaUrl(), FieldPath.of("mediaUrl"), Need.REQUIRED);
            rules.fetchableUrl(request.thumbnailUrl(), FieldPath.of("thumbnailUrl"), Need.REQUIRED);
            rules.present(request.filenameOverride(), FieldPath.of("filenameOverride"), Need.REQUIRED);
        } else if (type == V5MessageType.RCS_CARD) {
            card(request.standaloneCard(), FieldPath.root(), rules);
        } else if (type == V5MessageType.RCS_CAROUSEL) {
            cards(request.cards(), rules);
        }
        // a standalone card's choices are its card's, checked with the card
        if (type != V5MessageType.RCS_CARD) {
            choices(request.choices(), FieldPath.of("choices"),
                    type == V5MessageType.RCS_CAROUSEL ? MAX_CARD_CHOICES : UNLIMITED, rules);
        }
        failovers(request, rules);
        rules.fetchableUrl(request.callbackURL(), FieldPath.of("callbackURL"), Need.OPTIONAL);
        rules.violations.throwIfAny();
    }

    private void cards(List<V5Message.Card> cards, Rules rules) {
        FieldPath path = FieldPath.of("cards");
        if (!rules.present(cards, path, Need.REQUIRED)) {
            return;
        }
        if (cards.isEmpty()) {
            rules.refuse(path, "must have at least 1 item");
        }
        rules.atMost(cards, path, MAX_CARDS);
        for (int i = 0; i < cards.size(); i++) {
            if (rules.isObject(cards.get(i), path.index(i))) {
                card(cards.get(i), path.index(i), rules);
            }
        }
    }

    private void card(V5Message.Card card, FieldPath path, Rules rules) {
        rules.text(card.title(), path.field("title"), Need.REQUIRED, MAX_CARD_TITLE);
        rules.text(card.description(), path.field("description"), Need.REQUIRED, MAX_CARD_DESCRIPTION);
        rules.oneOf(card.height(), CardHeight.values(), path.field("height"), Need.REQUIRED);
        rules.fetchableUrl(card.mediaUrl(), path.field("mediaUrl"), Need.REQUIRED);
        rules.fetchableUrl(card.thumbnailUrl(), path.field("thumbnailUrl"), Need.OPTIONAL);
        rules.text(card.filenameOverride(), path.field("filenameOverride"), Need.OPTIONAL, MAX_FILENAME);
        choices(card.choices(), path.field("choices"), MAX_CARD_CHOICES, rules);
    }

    private void choices(List<V5Message.Choice> choices, FieldPath path, int maxChoices, Rules rules) {
        if (choices == null) {
            return;
        }
        rules.atMost(choices, path, maxChoices);
        for (int i = 0; i < choices.size(); i++) {
            if (rules.isObject(choices.get(i), path.index(i))) {
                choice(choices.get(i), path.index(i), rules);
            }
        }
    }

    private void choice(V5Message.Choice choice, FieldPath path, Rules rules) {
        V5ChoiceType type = rules.oneOf(choice.type(), V5ChoiceType.values(), path.field("type"), Need.REQUIRED);
        rules.text(choice.title(), path.field("title"), Need.REQUIRED, MAX_CHOICE_TITLE);
        rules.text(choice.postbackData(), path.field("postbackData"), Need.REQUIRED, MAX_POSTBACK);
        if (type == null) {
            return;
        }
        Need need = Need.when("choice type is " + type);
        switch (type) {
            case OPEN_URL -> {
                FieldPath url = path.field("url");
                if (rules.text(choice.url(), url, need, MAX_URL) && !isAbsoluteUri(choice.url())) {
                    rules.refuse(url, "must be a valid URI");
                }
                rules.oneOf(choice.application(), Suggestion.UrlTarget.values(), path.field("application"), need);
                rules.oneOf(choice.webviewViewMode(), Suggestion.WebviewMode.values(), path.field("webviewViewMode"),
                        need);
            }
            case DIAL_PHONE -> {
                FieldPath phoneNumber = path.field("phoneNumber");
                if (rules.text(choice.phoneNumber(), phoneNumber, need, MAX_PHONE_NUMBER)
                        && !PHONE_NUMBER.matcher(choice.phoneNumber()).matches()) {
                    rules.refuse(phoneNumber, "must contain only digits, optionally after a +");
                }
            }
            case SHOW_LOCATION -> {
                rules.between(choice.latitude(), -90, 90, path.field("latitude"), need);
                rules.between(choice.longitude(), -180, 180, path.field("longitude"), need);
            }
            case CREATE_CALENDAR_EVENT -> {
                rules.dateTime(choice.startTime(), path.field("startTime"), need);
                rules.dateTime(choice.endTime(), path.field("endTime"), need);
                rules.text(choice.eventTitle(), path.field("eventTitle"), need, MAX_EVENT_TITLE);
                rules.text(choice.description(), path.field("description"), Need.OPTIONAL, MAX_EVENT_DESCRIPTION);
            }
            case REPLY, REQUEST_LOCATION -> {
                // the fields every choice has are all these need
            }
        }
    }

    private void failovers(V5Message request, Rules rules) {
        V5Message.SmsFailover sms = request.smsFailover();
        if (sms != null) {
            failover(FieldPath.of("smsFailover"), sms.enabled(), sms.failoverSource(), sms.fallbackText(), rules);
        }
        V5Message.MmsFailover mms = request.mmsFailover();
        if (mms != null) {
            FieldPath path = FieldPath.of("mmsFailover");
            Need need = failover(path, mms.enabled(), mms.failoverSource(), mms.fallbackText(), rules);
            rules.fetchableUrl(mms.mediaUrl(), path.field("mediaUrl"), need);
            rules.text(mms.subject(), path.field("subject"), need, MAX_SUBJECT);
        }
    }

    /**
     * The fields both failover objects have. {@code enabled} is always required; the others only when it is true,
     * which the returned need says for the MMS fields too.
     */
    private static Need failover(FieldPath path, Boolean enabled, String failoverSource, String fallbackText,
            Rules rules) {
        rules.present(enabled, path.field("enabled"), Need.REQUIRED);
        Need need = Boolean.TRUE.equals(enabled) ? Need.when(path.leaf() + " is enabled") : Need.OPTIONAL;
        rules.text(failoverSource, path.field("failoverSource"), need, MAX_FAILOVER_SOURCE);
        rules.text(fallbackText, path.field("fallbackText"), need, MAX_FALLBACK_TEXT);
        return need;
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

    /** Whether a field must be there, and the condition that makes it so, in the words the refusal uses. */
    private record Need(boolean required, String condition) {

        static final Need REQUIRED = new Need(true, "");
        static final Need OPTIONAL = new Need(false, "");

        static Need when(String condition) {
            return new Need(true, "When " + condition + ", ");
        }
    }

    /** The checks of one request, collecting what they find. */
    private final class Rules {

        private final Violations violations = new Violations();

        void refuse(FieldPath path, String rule) {
            violations.add(path, quote(path) + " " + rule);
        }

        /** Whether the value is there (a blank string is not); refuses it when it is required and missing. */
        boolean present(Object value, FieldPath path, Need need) {
            boolean present = value != null && !(value instanceof String text && text.isBlank());
            if (!present && need.required()) {
                violations.add(path, need.condition() + quote(path) + " is required");
            }
            return present;
        }

        /** Whether the text is there and short enough. */
        boolean text(String value, FieldPath path, Need need, int maxLength) {
            if (!present(value, path, need)) {
                return false;
            }
            if (Checks.length(value) > maxLength) {
                refuse(path, "must be at most " + maxLength + " characters");
                return false;
            }
            return true;
        }

        /** The constant the value names, or null when it is missing or names none. */
        <E extends Enum<E>> E oneOf(String value, E[] allowed, FieldPath path, Need need) {
            if (!present(value, path, need)) {
                return null;
            }
            for (E candidate : allowed) {
                if (candidate.name().equals(value)) {
                    return candidate;
                }
            }
            refuse(path, "must be one of " + Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }

        /** A URL the hub hands on to be fetched or called: absolute http or https, not into the hub's own network. */
        void fetchableUrl(String value, FieldPath path, Need need) {
            if (!present(value, path, need)) {
                return;
            }
            if (!Checks.isHttpUrl(value)) {
                refuse(path, "must be a valid http or https URL");
                return;
            }
            String refusal = guard.mediaRefusal(URI.create(value));
            if (refusal != null) {
                refuse(path, refusal);
            }
        }

        void between(Double value, int min, int max, FieldPath path, Need need) {
            if (present(value, path, need) && (value < min || value > max)) {
                refuse(path, "must be a number between " + min + " and " + max);
            }
        }

        void dateTime(String value, FieldPath path, Need need) {
            if (present(value, path, need) && !Checks.isOffsetDateTime(value)) {
                refuse(path, "must be an ISO 8601 date-time with an offset or Z, such as 2030-03-03T15:00:00.000+01:00");
            }
        }

        void atMost(List<?> items, FieldPath path, int max) {
            if (items.size() > max) {
                refuse(path, "must have at most " + max + " items");
            }
        }

        /** Whether the array item is an object; {@code [null]} parses, but is no choice or card. */
        boolean isObject(Object item, FieldPath path) {
            if (item == null) {
                refuse(path, "must be an object");
            }
            return item != null;
        }
    }
}
