package io.switchboard.transcode;

import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an MMS into an SMS for a channel that cannot send MMS: the subject and text come first, then each media file
 * as a link on its own line, kept inside {@value RcsTranscoder#MAX_SEGMENTS} segments like transcoded RCS.
 */
public final class MmsTranscoder {

    private MmsTranscoder() {
    }

    public static SmsContent toSms(MmsContent mms) {
        List<String> lines = new ArrayList<>();
        addIfPresent(lines, mms.subject());
        addIfPresent(lines, mms.text());
        mms.mediaUrls().stream().map(URI::toString).forEach(lines::add);
        return new SmsContent(RcsTranscoder.fitSegments(String.join("\n", lines)));
    }

    private static void addIfPresent(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }
}
