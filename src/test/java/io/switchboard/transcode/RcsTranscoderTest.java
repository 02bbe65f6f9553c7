package io.switchboard.transcode;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.switchboard.sms.SmsEncoding;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RcsTranscoderTest {

    private static final Suggestion YES = new Suggestion.Reply("Yes", "YES");
    private static final Suggestion NO = new Suggestion.Reply("No", "NO");
    private static final Suggestion TRACK = new Suggestion.OpenUrl("Track", null,
            URI.create("https://example.com/t/42"), Suggestion.UrlTarget.BROWSER, null);
    private static final Suggestion CALL = new Suggestion.Dial("Call", null, "+14155550123");

    @Test
    void textWithSuggestionsBecomesSmsWithReadableActions() {
        Content sms = RcsTranscoder.transcode(new TextContent("Your order shipped.", List.of(YES, TRACK, NO, CALL,
                new Suggestion.RequestLocation("Share location", null))), true);

        assertThat(sms).isEqualTo(new SmsContent("""
                Your order shipped.
                Reply: Yes, No
                Track: https://example.com/t/42
                Call: +14155550123"""));
    }

    @Test
    void locationAndCalendarSuggestionsBecomeAMapLinkAndADate() {
        Suggestion map = new Suggestion.ShowLocation("Find us", null, 52.52, 13.405, "Store");
        Suggestion event = new Suggestion.CreateCalendarEvent("Save the date", null,
                OffsetDateTime.parse("2026-12-01T18:00:00+01:00"), OffsetDateTime.parse("2026-12-01T20:00:00+01:00"),
                "Launch party", null);

        SmsContent sms = (SmsContent) RcsTranscoder.transcode(new TextContent("See you", List.of(map, event)), false);

        assertThat(sms.text()).isEqualTo("""
                See you
                Find us: https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=17/52.52/13.405
                Save the date: Launch party, 1 Dec 2026 18:00 +01:00 to 1 Dec 2026 20:00 +01:00""");
    }

    @Test
    void cardBecomesMmsWithItsImageTitleDescriptionAndActions() {
        Card card = new Card("Sneakers", "Now 20% off", Media.of(URI.create("https://example.com/s.jpg")), null,
                List.of(TRACK));
        Content mms = RcsTranscoder.transcode(new CardContent(card, null, null, List.of(YES)), true);

        assertThat(mms).isEqualTo(new MmsContent("Sneakers\nNow 20% off\nTrack: https://example.com/t/42\nReply: Yes",
                "Sneakers", List.of(URI.create("https://example.com/s.jpg"))));
    }

    @Test
    void cardWithoutMmsBecomesSmsWithTheImageAsALink() {
        Card card = new Card("Sneakers", null, Media.of(URI.create("https://example.com/s.jpg")), null, List.of());

        assertThat(RcsTranscoder.transcode(new CardContent(card, null, null, List.of()), false))
                .isEqualTo(new SmsContent("Sneakers\nhttps://example.com/s.jpg"));
    }

    @Test
    void carouselBecomesMmsWithAtMostTenImagesAndNumberedCards() {
        List<Card> cards = IntStream.rangeClosed(1, 10).mapToObj(i -> new Card("Item " + i, null,
                Media.of(URI.create("https://example.com/" + i + ".jpg")), null, List.of())).toList();
        List<Card> twelve = new ArrayList<>(cards);
        twelve.add(new Card("Item 11", null, Media.of(URI.create("https://example.com/11.jpg")), null, List.of()));
        twelve.add(new Card("Item 12", null, Media.of(URI.create("https://example.com/1.jpg")), null, List.of()));

        MmsContent mms = (MmsContent) RcsTranscoder.transcode(new CarouselContent(null, twelve, List.of(NO)), true);

        assertThat(mms.mediaUrls()).hasSize(RcsTranscoder.MAX_MMS_MEDIA)
                .first().isEqualTo(URI.create("https://example.com/1.jpg"));
        assertThat(mms.text()).startsWith("1. Item 1\n2. Item 2\n").contains("12. Item 12").endsWith("Reply: No");
        assertThat(mms.subject()).isNull();
    }

    @Test
    void mediaBecomesMmsOfThatFile() {
        Content mms = RcsTranscoder.transcode(new MediaContent(Media.of(URI.create("https://example.com/v.mp4")),
                List.of()), true);

        assertThat(mms).isEqualTo(new MmsContent(null, null, List.of(URI.create("https://example.com/v.mp4"))));
    }

    @Test
    void typographicCharactersWithAGsm7TwinKeepTheTextInGsm7() {
        SmsContent sms = (SmsContent) RcsTranscoder.transcode(new TextContent("It\u2019s \u201Cready\u201D \u2013 "
                + "come by\u2026", List.of()), false);

        assertThat(sms.text()).isEqualTo("It's \"ready\" - come by...");
        assertThat(Segmentation.forSending(sms.text()).encoding()).isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void longTextIsCutAtAWordWithinTenSegments() {
        String longText = "word ".repeat(400).trim();

        SmsContent sms = (SmsContent) RcsTranscoder.transcode(new TextContent(longText, List.of()), false);

        assertThat(Segmentation.forSending(sms.text()).count()).isEqualTo(RcsTranscoder.MAX_SEGMENTS);
        assertThat(sms.text()).endsWith("word...").hasSizeGreaterThan(Segmentation.GSM7_CONCATENATED * 9);
    }

    @Test
    void longUcs2TextIsCutWithinTenUcs2Segments() {
        String longText = "\u4F60\u597D ".repeat(300);

        SmsContent sms = (SmsContent) RcsTranscoder.transcode(new TextContent(longText, List.of()), false);

        assertThat(Segmentation.forSending(sms.text()).encoding()).isEqualTo(SmsEncoding.UTF16);
        assertThat(Segmentation.forSending(sms.text()).count()).isEqualTo(RcsTranscoder.MAX_SEGMENTS);
    }
}
