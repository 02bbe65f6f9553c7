package io.switchboard.sms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * SMS segmentation after GSM 03.38 and 03.40: a text that fits one segment is sent whole; a longer one is cut into
 * concatenated segments that each lose room to the concatenation header. A cut never falls inside a character: not
 * between an escape and its extension character, not between the two halves of a surrogate pair.
 */
public final class Segmentation {

    public static final int GSM7_SINGLE = 160;
    public static final int GSM7_CONCATENATED = 153;
    public static final int UTF16_SINGLE = 70;
    public static final int UTF16_CONCATENATED = 67;

    /** The GSM 03.38 default alphabet, without the escape code itself. */
    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** The extension table: each is sent as the escape code followed by a second code, two septets. */
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private Segmentation() {
    }

    /**
     * The text counted in GSM-7. A character GSM-7 cannot write is listed as unsupported and counted as one septet,
     * the replacement character a sender would put in its place.
     */
    public static SmsSegments gsm7(String text) {
        Set<String> unsupported = new LinkedHashSet<>();
        text.codePoints().filter(codePoint -> septets(codePoint) == 0)
                .forEach(codePoint -> unsupported.add(Character.toString(codePoint)));
        IntUnaryOperator septets = codePoint -> Math.max(1, septets(codePoint));
        List<String> parts = split(text, septets, GSM7_SINGLE, GSM7_CONCATENATED);
        return new SmsSegments(SmsEncoding.GSM7, parts, total(text, septets), List.copyOf(unsupported));
    }

    /** The text counted in UTF-16 (UCS-2 with surrogate pairs, as phones send emoji). */
    public static SmsSegments utf16(String text) {
        IntUnaryOperator units = Character::charCount;
        return new SmsSegments(SmsEncoding.UTF16, split(text, units, UTF16_SINGLE, UTF16_CONCATENATED),
                2 * total(text, units), List.of());
    }

    /** What a sender does: GSM-7 when it can write every character, UTF-16 otherwise. */
    public static SmsSegments forSending(String text) {
        SmsSegments gsm7 = gsm7(text);
        return gsm7.unsupported().isEmpty() ? gsm7 : utf16(text);
    }

    /** Whether GSM-7 can write the character, in its basic set or its extension table. */
    public static boolean isGsm7(int codePoint) {
        return septets(codePoint) > 0;
    }

    /** Septets GSM-7 needs for the character: 1 (basic set), 2 (extension table) or 0 (it cannot write it). */
    private static int septets(int codePoint) {
        if (GSM7_BASIC.indexOf(codePoint) >= 0) {
            return 1;
        }
        return GSM7_EXTENSION.indexOf(codePoint) >= 0 ? 2 : 0;
    }

    private static int total(String text, IntUnaryOperator cost) {
        return text.codePoints().map(cost).sum();
    }

    private static List<String> split(String text, IntUnaryOperator cost, int single, int concatenated) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (total(text, cost) <= single) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int used = 0;
        for (int codePoint : text.codePoints().toArray()) {
            int size = cost.applyAsInt(codePoint);
            if (used + size > concatenated) {
                parts.add(part.toString());
                part.setLength(0);
                used = 0;
            }
            part.appendCodePoint(codePoint);
            used += size;
        }
        parts.add(part.toString());
        return parts;
    }
}
