package io.switchboard.dialect.pinnacle;

import io.switchboard.model.MediaTypes;
import io.switchboard.net.TargetGuard;
import io.switchboard.pricing.Prices;
import io.switchboard.sms.Segmentation;
import io.switchboard.sms.SmsSegments;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The answers of {@code POST /messages/validate/{sms,mms,rcs}} (FORMATS.md §1.7): segmentation, unsupported files
 * and cost estimates from the price table. Nothing is sent or stored. A file is unsupported when the hub would refuse
 * to send it: its URL points inside the hub's network ({@link TargetGuard}) or its type is not on the channel's list.
 * File sizes are unknown, as the hub never fetches media, and show as 0.
 */
@Component("pinnacleEstimates")
public class PinnacleEstimates {

    private final Prices prices;
    private final TargetGuard targetGuard;

    public PinnacleEstimates(Prices prices, TargetGuard targetGuard) {
        this.prices = prices;
        this.targetGuard = targetGuard;
    }

    public SmsValidation sms(PinnacleWire.SmsContent request) {
        SmsSegments gsm7 = Segmentation.gsm7(request.text());
        SmsSegments utf16 = Segmentation.utf16(request.text());
        SmsSegments sending = gsm7.unsupported().isEmpty() ? gsm7 : utf16;
        return new SmsValidation(
                new SmsSegmentations(new Gsm7Segments(gsm7.totalBytes(), gsm7.unsupported(), gsm7.parts()),
                        new Utf16Segments(utf16.totalBytes(), utf16.parts())),
                new SmsTotals(prices.sms(gsm7), prices.sms(utf16)), prices.perSmsSegment(sending.encoding()),
                sending.count() > PinnacleValidator.SEGMENT_LIMIT);
    }

    /** The text goes with the first message; messages without text show it as an empty string. */
    public MmsValidation mms(PinnacleWire.MmsContent request) {
        List<String> supported = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (String url : request.mediaUrls()) {
            (isSendable(url, MediaTypes::mms) ? supported : unsupported).add(url);
        }
        List<List<String>> groups = MmsParts.groups(supported);
        List<MmsSegment> segments = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            String text = i == 0 && request.text() != null ? request.text() : "";
            segments.add(new MmsSegment(groups.get(i), 0, text));
        }
        return new MmsValidation(new MmsSegments(segments.size(), unsupported, segments),
                prices.mms(segments.size()), prices.mms(1));
    }

    /** One RCS message, whatever its content. */
    public RcsValidation rcs(PinnacleWire.RcsSend request) {
        Stream<String> cardMedia = request.cards() == null ? Stream.empty()
                : request.cards().stream().map(PinnacleWire.Card::media);
        List<String> unsupported = Stream.concat(Stream.ofNullable(request.media()), cardMedia)
                .filter(url -> url != null && !isSendable(url, MediaTypes::rcs))
                .toList();
        return new RcsValidation(prices.rcs(1), prices.rcs(1), 1, unsupported);
    }

    private boolean isSendable(String url, Function<String, Optional<String>> type) {
        return targetGuard.mediaRefusal(URI.create(url)) == null && type.apply(url).isPresent();
    }

    public record SmsValidation(SmsSegmentations segments, SmsTotals total, BigDecimal unit,
            boolean isOverSegmentLimit) {
    }

    public record SmsSegmentations(Gsm7Segments gsm7, Utf16Segments utf16) {
    }

    /** @param unsupported the characters GSM-7 cannot write */
    public record Gsm7Segments(int totalBytes, List<String> unsupported, List<String> value) {
    }

    public record Utf16Segments(int totalBytes, List<String> value) {
    }

    public record SmsTotals(BigDecimal gsm7, BigDecimal utf16) {
    }

    public record MmsValidation(MmsSegments segments, BigDecimal total, BigDecimal unit) {
    }

    public record MmsSegments(int count, List<String> unsupportedFiles, List<MmsSegment> value) {
    }

    /** @param size bytes; always 0, as the hub does not fetch media */
    public record MmsSegment(List<String> files, long size, String text) {
    }

    public record RcsValidation(BigDecimal total, BigDecimal unit, int segments, List<String> unsupportedFiles) {
    }
}
