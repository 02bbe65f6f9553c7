package io.switchboard.model;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media files MMS and RCS messages may carry, known by the file extension of the URL's path: the hub never fetches
 * a client's media, so it cannot sniff the content. MMS follows what US carriers take; RCS follows the RCS Business
 * Messaging list (images, video, audio, PDF).
 */
public final class MediaTypes {

    public static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> MMS = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("mp4", "video/mp4"),
            Map.entry("3gp", "video/3gpp"), Map.entry("mov", "video/quicktime"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("m4a", "audio/mp4"), Map.entry("wav", "audio/wav"), Map.entry("amr", "audio/amr"),
            Map.entry("pdf", "application/pdf"), Map.entry("vcf", "text/vcard"));

    private static final Map<String, String> RCS = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/x-m4v"),
            Map.entry("mpeg", "video/mpeg"), Map.entry("mpg", "video/mpeg"), Map.entry("webm", "video/webm"),
            Map.entry("3gp", "video/3gpp"), Map.entry("mp3", "audio/mpeg"), Map.entry("aac", "audio/aac"),
            Map.entry("m4a", "audio/mp4"), Map.entry("pdf", "application/pdf"));

    /** The extensions the messages below accept, for error messages. */
    public static final String MMS_EXTENSIONS = "jpg, jpeg, png, gif, bmp, mp4, 3gp, mov, mp3, m4a, wav, amr, pdf, vcf";
    public static final String RCS_EXTENSIONS = "jpg, jpeg, png, gif, mp4, m4v, mpeg, mpg, webm, 3gp, mp3, aac, m4a, pdf";

    private MediaTypes() {
    }

    public static Optional<String> mms(String url) {
        return extension(url).map(MMS::get);
    }

    public static Optional<String> rcs(String url) {
        return extension(url).map(RCS::get);
    }

    /** Images are the static media a standalone card's horizontal layout needs. */
    public static boolean isImage(String contentType) {
        return contentType.startsWith("image/");
    }

    private static Optional<String> extension(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return Optional.empty();
        }
        return Optional.of(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
