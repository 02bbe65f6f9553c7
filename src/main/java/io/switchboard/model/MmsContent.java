package io.switchboard.model;

import java.net.URI;
import java.util.List;

/** An MMS: optional text and subject with one or more media files. */
public record MmsContent(String text, String subject, List<URI> mediaUrls) implements Content {

    public MmsContent {
        mediaUrls = Lists.immutable(mediaUrls);
    }

    @Override
    public Channel channel() {
        return Channel.MMS;
    }
}
