package io.switchboard.transcode;

import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.Media;
import io.switchboard.model.MediaContent;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import io.switchboard.sms.Segmentation;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns RCS content into SMS or MMS for a recipient or carrier RCS cannot reach, when the client gave no SMS/MMS leg
 * of its own. Nothing tappable survives, so every suggestion becomes a line a person can act on: reply options are
 * listed, links and numbers are written out, a location becomes a map link, a calendar event its date.
 *
 * <p>SMS text is kept inside {@value #MAX_SEGMENTS} segments: typographic characters with a GSM-7 twin (curly
 * quotes, dashes, ellipsis, non-breaking space) are replaced first, since one of them alone switches the whole text
 * to UCS-2 and more than doubles its segments; text still too long is cut at a word with "...".
 */
public final class RcsTranscoder {

    /** The most segments a transcoded SMS may take; carriers commonly refuse longer concatenations. */
    public static final int MAX_SEGMENTS = 10;

    /** MMS carries at most this many media files (the Channels limit, and a common carrier limit). */
    public static final int MAX_MMS_MEDIA = 10;

    private static final String ELLIPSIS = "...";
    private static final Map<Character, String> GSM7_TWINS = Map.ofEntries(
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201A', "'"), Map.entry('\u201B', "'"),
            Map.entry('\u201C', "\""), Map.entry('\u201D', "\""), Map.entry('\u201E', "\""),
            Map.entry('\u2013', "-"), Map.entry('\u2014', "-"), Map.entry('\u2212', "-"),
            Map.entry('\u2026', "..."), Map.entry('\u00A0', " "), Map.entry('\u2022', "-"));
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm xxx",
            Locale.ROOT);

    private RcsTranscoder() {
    }

    /**
     * The content as MMS when it has pictures to show and MMS is allowed, otherwise as SMS (media become links).
     *
     * @param mmsAllowed whether the carrier that will send it carries MMS
     */
    public static Content transcode(Content rcs, boolean mmsAllowed) {
        List<URI> media = mediaOf(rcs);
        String text = textOf(rcs);
        if (mmsAllowed && !media.isEmpty()) {
            return new MmsContent(text.isEmpty() ? null : text, subjectOf(rcs), media);
        }
        List<String> lines = new ArrayList<>();
        if (!text.isEmpty()) {
            lines.add(text);
        }
        media.forEach(url -> lines.add(url.toString()));
        return new SmsContent(fitSegments(String.join("\n", lines)));
    }

    /** The text of RCS content as an SMS would show it, suggestions included. */
    static String textOf(Content rcs) {
        if (rcs instanceof TextContent text) {
            return block(text.text(), text.suggestions());
        }
        if (rcs instanceof MediaContent media) {
            return block(null, media.suggestions());
        }
        if (rcs instanceof CardContent standalone) {
            return join(card(standalone.card()), block(null, standalone.suggestions()));
        }
        if (rcs instanceof CarouselContent carousel) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < carousel.cards().size(); i++) {
                parts.add((i + 1) + ". " + card(carousel.cards().get(i)));
            }
            parts.add(block(null, carousel.suggestions()));
            return join(parts.toArray(String[]::new));
        }
        throw new IllegalArgumentException("Only RCS content is transcoded, not " + rcs.channel());
    }

    private static List<URI> mediaOf(Content rcs) {
        List<Media> media = new ArrayList<>();
        if (rcs instanceof MediaContent file) {
            media.add(file.media());
        } else if (rcs instanceof CardContent standalone) {
            media.add(standalone.card().media());
        } else if (rcs instanceof CarouselContent carousel) {
            carousel.cards().forEach(card -> media.add(card.media()));
        }
        return media.stream().filter(Objects::nonNull).map(Media::url).distinct().limit(MAX_MMS_MEDIA).toList();
    }

    private static String subjectOf(Content rcs) {
        return rcs instanceof CardContent standalone ? standalone.card().title() : null;
    }

    private static String card(Card card) {
        String heading = join(card.title(), card.description());
        return join(heading, block(null, card.suggestions()));
    }

    /** Text followed by one line per action; reply chips share one line. */
    private static String block(String text, List<Suggestion> suggestions) {
        List<String> lines = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            lines.add(text);
        }
        String replies = suggestions.stream().filter(Suggestion.Reply.class::isInstance).map(Suggestion::text)
                .collect(Collectors.joining(", "));
        if (!replies.isEmpty()) {
            lines.add("Reply: " + replies);
        }
        for (Suggestion suggestion : suggestions) {
            String action = action(suggestion);
            if (action != null) {
                lines.add(action);
            }
        }
        return String.join("\n", lines);
    }

    /** One readable line for a suggestion that does something; null for replies and what SMS cannot do. */
    static String action(Suggestion suggestion) {
        if (suggestion instanceof Suggestion.OpenUrl open) {
            return suggestion.text() + ": " + open.url();
        }
        if (suggestion instanceof Suggestion.Dial dial) {
            return suggestion.text() + ": " + dial.phoneNumber();
        }
        if (suggestion instanceof Suggestion.ShowLocation location) {
            return suggestion.text() + ": https://www.openstreetmap.org/?mlat=" + location.latitude() + "&mlon="
                    + location.longitude() + "#map=17/" + location.latitude() + "/" + location.longitude();
        }
        if (suggestion instanceof Suggestion.CreateCalendarEvent event) {
            return suggestion.text() + ": " + event.title() + ", " + EVENT_TIME.format(event.start()) + " to "
                    + EVENT_TIME.format(event.end());
        }
        // a reply is listed with the other replies; asking for the location needs RCS
        return null;
    }

    /** The text within {@value #MAX_SEGMENTS} segments, in GSM-7 where typographic twins allow it. */
    static String fitSegments(String text) {
        String plain = gsm7Twins(text);
        if (Segmentation.forSending(plain).count() <= MAX_SEGMENTS) {
            return plain;
        }
        int low = 0;
        int high = plain.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (Segmentation.forSending(cut(plain, mid)).count() <= MAX_SEGMENTS) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return cut(plain, low);
    }

    private static String gsm7Twins(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String twin = GSM7_TWINS.get(c);
            out.append(twin == null ? String.valueOf(c) : twin);
        }
        return out.toString();
    }

    /** The first {@code length} characters, backed up to a word boundary, with an ellipsis. */
    private static String cut(String text, int length) {
        if (length >= text.length()) {
            return text;
        }
        int end = Math.max(0, length - ELLIPSIS.length());
        int space = text.lastIndexOf(' ', end);
        if (space > end / 2) {
            end = space;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join("\n", present);
    }
}
