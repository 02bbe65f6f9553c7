package io.switchboard.model;

import java.util.List;

/** An RCS carousel of rich cards, with optional message-level chips. */
public record CarouselContent(CardWidth cardWidth, List<Card> cards, List<Suggestion> suggestions)
        implements Content {

    public CarouselContent {
        cards = Lists.immutable(cards);
        suggestions = Lists.immutable(suggestions);
    }

    @Override
    public Channel channel() {
        return Channel.RCS;
    }
}
