package io.switchboard.model;

import java.util.List;

/** An RCS media file (image, video, document) with optional suggestion chips. */
public record MediaContent(Media media, List<Suggestion> suggestions) implements Content {

    public MediaContent {
        suggestions = Lists.immutable(suggestions);
    }

    @Override
    public Channel channel() {
        return Channel.RCS;
    }
}
