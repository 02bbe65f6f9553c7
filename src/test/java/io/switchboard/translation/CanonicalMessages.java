package io.switchboard.translation;

import io.switchboard.model.Card;
import io.switchboard.model.CardContent;
import io.switchboard.model.CardHeight;
import io.switchboard.model.CardOrientation;
import io.switchboard.model.CardWidth;
import io.switchboard.model.CarouselContent;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.ImageAlignment;
import io.switchboard.model.Media;
import io.switchboard.model.MediaContent;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.Suggestion;
import io.switchboard.model.TextContent;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Canonical messages of every content kind and suggestion type as a client could send them: texts with spaces,
 * accents and emoji, https media, E.164 numbers, calendar times to the second with an offset.
 */
final class CanonicalMessages {

    private CanonicalMessages() {
    }

    static Arbitrary<Message> messages() {
        return Combinators.combine(agents(), phoneNumbers(), contents(), failoverPlans(),
                Arbitraries.integers().between(60, 86_400).map(Duration::ofSeconds).injectNull(0.5))
                .as((sender, recipient, content, failover, timeToLive) -> new Message("msg_generated", "matrix",
                        Dialect.V5, null, content instanceof SmsContent || content instanceof MmsContent
                        ? "+14155550100" : sender, recipient, content, failover, null, timeToLive, null, null,
                        DialectTrips.ACCEPTED_AT));
    }

    private static Arbitrary<Content> contents() {
        return Arbitraries.oneOf(
                Combinators.combine(texts(300), suggestions(11)).as(TextContent::new),
                Combinators.combine(media(), suggestions(11)).as(MediaContent::new),
                Combinators.combine(cards(), Arbitraries.of(CardOrientation.class).injectNull(0.3),
                        Arbitraries.of(ImageAlignment.class).injectNull(0.3), suggestions(11)).as(CardContent::new),
                Combinators.combine(Arbitraries.of(CardWidth.class).injectNull(0.3), cards().list().ofMinSize(2)
                        .ofMaxSize(10), suggestions(11)).as(CarouselContent::new),
                texts(600).map(SmsContent::new),
                Combinators.combine(texts(300).injectNull(0.2), texts(40).injectNull(0.5),
                        mediaUrls().list().ofMinSize(1).ofMaxSize(10)).as(MmsContent::new));
    }

    private static Arbitrary<Card> cards() {
        return Combinators.combine(texts(200), texts(500).injectNull(0.3), media().injectNull(0.3),
                Arbitraries.of(CardHeight.class).injectNull(0.3), suggestions(4)).as(Card::new);
    }

    private static Arbitrary<List<Suggestion>> suggestions(int most) {
        return suggestion().list().ofMaxSize(most);
    }

    private static Arbitrary<Suggestion> suggestion() {
        Arbitrary<String> label = texts(25);
        Arbitrary<String> postback = texts(100).injectNull(0.4);
        return Arbitraries.oneOf(
                Combinators.combine(label, postback).as(Suggestion.Reply::new),
                Combinators.combine(label, postback, mediaUrls(), Arbitraries.of(Suggestion.UrlTarget.class),
                        Arbitraries.of(Suggestion.WebviewMode.class).injectNull(0.5))
                        .as((text, data, url, target, mode) -> new Suggestion.OpenUrl(text, data, url, target,
                                target == Suggestion.UrlTarget.BROWSER ? null : mode)),
                Combinators.combine(label, postback, phoneNumbers()).as(Suggestion.Dial::new),
                Combinators.combine(label, postback, Arbitraries.integers().between(-90_000_000, 90_000_000),
                        Arbitraries.integers().between(-180_000_000, 180_000_000), texts(100).injectNull(0.3))
                        .as((text, data, lat, lng, name) -> new Suggestion.ShowLocation(text, data, lat / 1e6,
                                lng / 1e6, name)),
                Combinators.combine(label, postback).as(Suggestion.RequestLocation::new),
                Combinators.combine(label, postback, calendarStarts(), Arbitraries.integers().between(1, 600),
                        texts(100), texts(500).injectNull(0.3))
                        .as((text, data, start, minutes, title, about) -> new Suggestion.CreateCalendarEvent(text,
                                data, start, start.plusMinutes(minutes), title, about)));
    }

    private static Arbitrary<OffsetDateTime> calendarStarts() {
        return Combinators.combine(Arbitraries.longs().between(1_900_000_000L, 2_100_000_000L),
                Arbitraries.integers().between(-12, 14))
                .as((seconds, hours) -> OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds),
                        ZoneOffset.ofHours(hours)));
    }

    private static Arbitrary<FailoverPlan> failoverPlans() {
        Arbitrary<FailoverPlan.SmsLeg> sms = texts(300).map(text -> new FailoverPlan.SmsLeg("+14155550100", text));
        Arbitrary<FailoverPlan.MmsLeg> mms = Combinators.combine(texts(300).injectNull(0.3),
                mediaUrls().list().ofMinSize(1).ofMaxSize(10), texts(40).injectNull(0.5))
                .as((text, urls, subject) -> new FailoverPlan.MmsLeg("+14155550100", text, urls, subject));
        return Arbitraries.oneOf(Arbitraries.just(FailoverPlan.none()), sms.map(leg -> new FailoverPlan(leg, null)),
                mms.map(leg -> new FailoverPlan(null, leg)));
    }

    private static Arbitrary<Media> media() {
        return Combinators.combine(mediaUrls(), mediaUrls().injectNull(0.5)).as((url, thumbnail) ->
                new Media(url, thumbnail, null, null));
    }

    private static Arbitrary<URI> mediaUrls() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("jpg", "png", "gif", "mp4", "pdf"))
                .as((name, extension) -> URI.create("https://cdn.example/" + name + "." + extension));
    }

    private static Arbitrary<String> agents() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20).map(name -> "agent_" + name);
    }

    private static Arbitrary<String> phoneNumbers() {
        return Arbitraries.strings().numeric().ofMinLength(9).ofMaxLength(14).map(digits -> "+1" + digits);
    }

    /** Words of letters, digits, accents and emoji; never blank, never padded, as the dialects trim nothing. */
    private static Arbitrary<String> texts(int most) {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("café", "Grüße", "naïve", "\uD83D\uDE00", "\uD83D\uDCE6", "€5", "50%", "\"quoted\"",
                        "a&b", "<tag>", "line\nbreak"));
        return word.list().ofMinSize(1).ofMaxSize(40).map(words -> String.join(" ", words))
                .map(text -> text.length() <= most ? text : text.substring(0, most).strip())
                .filter(text -> !text.isEmpty() && !Character.isHighSurrogate(text.charAt(text.length() - 1)));
    }
}
