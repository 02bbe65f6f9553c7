package io.switchboard.sandbox;

import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.dialect.v1.V1SendRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the v1 sandbox carrier refuses in {@code POST /v1/messages}: the rules v1's documentation gives (FORMATS.md
 * §2.1, §2.2, seed 001) and no others. The hub's own v1 rules may ask more (sender lengths, where media may live, an
 * SMS's length); where v1 publishes nothing, as for the action shapes other than {@code open_url}, nothing is
 * checked.
 */
final class V1SandboxRules {

    static final int MAX_TEXT = 3072;
    static final int MAX_MESSAGE_CHIPS = 11;
    static final int MAX_CHIP_TEXT = 25;
    static final int MAX_POSTBACK = 2048;
    static final int MAX_CARD_TITLE = 200;
    static final int MAX_CARD_DESCRIPTION = 2000;
    static final int MAX_CARD_CHIPS = 4;
    static final int MIN_CAROUSEL_CARDS = 2;
    static final int MAX_CAROUSEL_CARDS = 10;
    static final List<String> MESSAGE_TYPES = List.of("MESSAGE", "CONVERSATION", "NEWSLETTER");
    static final List<String> TRAFFIC_TYPES =
            List.of("AUTHENTICATION", "TRANSACTION", "PROMOTION", "SERVICEREQUEST", "ACKNOWLEDGEMENT");
    static final List<String> CARD_WIDTHS = List.of("SMALL", "MEDIUM");
    static final List<String> MEDIA_HEIGHTS = List.of("SHORT", "MEDIUM", "TALL");

    /** A duration in seconds as v1 writes it: {@code "3600s"}. */
    private static final Pattern TTL = Pattern.compile("[0-9]+(\\.[0-9]+)?s");
    private static final String EXAMPLE_NUMBER = "+4917612345678";

    private V1SandboxRules() {
    }

    /** Every problem v1 would name, with its field; empty when v1 takes the request. */
    static List<FieldError> problems(V1SendRequest request) {
        CarrierRules rules = new CarrierRules();
        rules.phoneNumber(request.to(), FieldPath.of("to"), EXAMPLE_NUMBER);
        // the identifier names the channel: agent_id RCS, channel_id SMS
        boolean rcs = !isBlank(request.agentId());
        if (rcs && !isBlank(request.channelId())) {
            rules.refuse(FieldPath.of("channel_id"), "must not be given together with agent_id");
        } else if (!rcs && isBlank(request.channelId())) {
            rules.refuse(FieldPath.of("agent_id"), "is required (or channel_id to send an SMS)");
        }
        rules.oneOf(request.messageType(), MESSAGE_TYPES, FieldPath.of("message_type"));
        if (!rcs || rules.required(request.trafficType(), FieldPath.of("traffic_type"))) {
            rules.oneOf(request.trafficType(), TRAFFIC_TYPES, FieldPath.of("traffic_type"));
        }
        if (request.ttl() != null && !TTL.matcher(request.ttl()).matches()) {
            rules.refuse(FieldPath.of("ttl"), "must be a duration in seconds such as \"3600s\"");
        }
        FieldPath content = FieldPath.of("content");
        if (rules.required(request.content(), content)) {
            if (rcs) {
                rcsContent(request.content(), content, rules);
            } else {
                smsContent(request.content(), content, rules);
            }
        }
        return rules.problems();
    }

    private static void smsContent(V1SendRequest.Content content, FieldPath path, CarrierRules rules) {
        rules.required(content.text(), path.field("text"));
        if (content.richCard() != null) {
            rules.refuse(path.field("rich_card"), "is not possible in an SMS");
        }
        if (content.suggestions() != null && !content.suggestions().isEmpty()) {
            rules.refuse(path.field("suggestions"), "are not possible in an SMS");
        }
    }

    private static void rcsContent(V1SendRequest.Content content, FieldPath path, CarrierRules rules) {
        boolean text = !isBlank(content.text());
        if (text == (content.richCard() != null)) {
            if (text) {
                rules.refuse(path, "must have exactly one of text and rich_card");
            } else {
                rules.refuse(path.field("text"), "is required (or rich_card)");
            }
        }
        rules.atMostCharacters(content.text(), MAX_TEXT, path.field("text"));
        if (content.richCard() != null) {
            richCard(content.richCard(), path.field("rich_card"), rules);
        }
        suggestions(content.suggestions(), MAX_MESSAGE_CHIPS, path.field("suggestions"), rules);
    }

    private static void richCard(V1SendRequest.RichCard card, FieldPath path, CarrierRules rules) {
        if ((card.standalone() == null) == (card.carousel() == null)) {
            rules.refuse(path, "must have exactly one of standalone and carousel");
        } else if (card.standalone() != null) {
            card(card.standalone().content(), path.field("standalone").field("content"), rules);
        } else {
            FieldPath carousel = path.field("carousel");
            rules.oneOf(card.carousel().cardWidth(), CARD_WIDTHS, carousel.field("card_width"));
            List<V1SendRequest.Card> cards = card.carousel().cards() == null ? List.of() : card.carousel().cards();
            if (cards.size() < MIN_CAROUSEL_CARDS || cards.size() > MAX_CAROUSEL_CARDS) {
                rules.refuse(carousel.field("cards"), "must have " + MIN_CAROUSEL_CARDS + " to " + MAX_CAROUSEL_CARDS
                        + " cards");
            }
            for (int i = 0; i < cards.size(); i++) {
                card(cards.get(i), carousel.field("cards").index(i), rules);
            }
        }
    }

    private static void card(V1SendRequest.Card card, FieldPath path, CarrierRules rules) {
        if (!rules.required(card, path)) {
            return;
        }
        rules.atMostCharacters(card.title(), MAX_CARD_TITLE, path.field("title"));
        rules.atMostCharacters(card.description(), MAX_CARD_DESCRIPTION, path.field("description"));
        if (card.media() != null) {
            FieldPath media = path.field("media");
            if (rules.required(card.media().url(), media.field("url"))) {
                rules.url(card.media().url(), false, media.field("url"));
            }
            if (card.media().thumbnailUrl() != null) {
                rules.url(card.media().thumbnailUrl(), false, media.field("thumbnail_url"));
            }
            rules.oneOf(card.media().height(), MEDIA_HEIGHTS, media.field("height"));
        }
        suggestions(card.suggestions(), MAX_CARD_CHIPS, path.field("suggestions"), rules);
    }

    private static void suggestions(List<V1SendRequest.Suggestion> suggestions, int max, FieldPath path,
            CarrierRules rules) {
        if (suggestions == null) {
            return;
        }
        rules.atMostItems(suggestions, max, "suggestions", path);
        for (int i = 0; i < suggestions.size(); i++) {
            suggestion(suggestions.get(i), path.index(i), rules);
        }
    }

    private static void suggestion(V1SendRequest.Suggestion suggestion, FieldPath path, CarrierRules rules) {
        if (suggestion == null || (suggestion.reply() == null) == (suggestion.action() == null)) {
            rules.refuse(path, "must have exactly one of reply or action");
        } else if (suggestion.reply() != null) {
            chip(suggestion.reply().text(), suggestion.reply().postbackData(), path.field("reply"), rules);
        } else {
            V1SendRequest.Action action = suggestion.action();
            FieldPath actionPath = path.field("action");
            chip(action.text(), action.postbackData(), actionPath, rules);
            List<String> kinds = actionKinds(action);
            if (kinds.size() != 1) {
                rules.refuse(actionPath, "must have exactly one of dial, open_url, open_url_in_webview,"
                        + " view_location, share_location, create_calendar_event");
            } else if (action.openUrl() != null) {
                rules.url(action.openUrl().url(), true, actionPath.field("open_url").field("url"));
            }
        }
    }

    private static void chip(String text, String postbackData, FieldPath path, CarrierRules rules) {
        if (rules.required(text, path.field("text"))) {
            rules.atMostCharacters(text, MAX_CHIP_TEXT, path.field("text"));
        }
        if (postbackData != null && !isBase64(postbackData)) {
            rules.refuse(path.field("postback_data"), "must be base64");
        }
        rules.atMostCharacters(postbackData, MAX_POSTBACK, path.field("postback_data"));
    }

    private static List<String> actionKinds(V1SendRequest.Action action) {
        List<String> kinds = new ArrayList<>();
        addIf(action.dial() != null, "dial", kinds);
        addIf(action.openUrl() != null, "open_url", kinds);
        addIf(action.openUrlInWebview() != null, "open_url_in_webview", kinds);
        addIf(action.viewLocation() != null, "view_location", kinds);
        addIf(action.shareLocation() != null, "share_location", kinds);
        addIf(action.createCalendarEvent() != null, "create_calendar_event", kinds);
        return kinds;
    }

    private static void addIf(boolean present, String kind, List<String> kinds) {
        if (present) {
            kinds.add(kind);
        }
    }

    private static boolean isBase64(String value) {
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
