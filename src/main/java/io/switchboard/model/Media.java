package io.switchboard.model;

import java.net.URI;

/**
 * A media file shown in RCS content.
 *
 * @param url          where the carrier fetches the file
 * @param thumbnailUrl optional preview image
 * @param fileName     optional file name shown to the recipient
 * @param contentType  optional MIME type, when the client stated one
 */
public record Media(URI url, URI thumbnailUrl, String fileName, String contentType) {

    public static Media of(URI url) {
        return new Media(url, null, null, null);
    }
}
