package io.switchboard.sms;

import java.util.List;

/**
 * An SMS text cut into the segments a carrier sends.
 *
 * @param encoding    the alphabet the segments are counted in
 * @param parts       the text of each segment, in order; joined they give the whole text back
 * @param totalBytes  GSM-7: septets (extension characters count two, as they are sent as an escape and a
 *                    character); UTF-16: two bytes per UTF-16 unit. Headers of concatenated segments are not counted
 * @param unsupported the characters GSM-7 cannot write, each once, in order of appearance; always empty for UTF-16
 */
public record SmsSegments(SmsEncoding encoding, List<String> parts, int totalBytes, List<String> unsupported) {

    public SmsSegments {
        parts = List.copyOf(parts);
        unsupported = List.copyOf(unsupported);
    }

    public int count() {
        return parts.size();
    }
}
