package io.switchboard.model;

import java.util.List;

/** RCS text with optional suggestion chips. */
public record TextContent(String text, List<Suggestion> suggestions) implements Content {

    public TextContent {
        suggestions = Lists.immutable(suggestions);
    }

    @Override
    public Channel channel() {
        return Channel.RCS;
    }
}
