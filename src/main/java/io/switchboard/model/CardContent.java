package io.switchboard.model;

import java.util.List;

/**
 * A standalone RCS rich card.
 *
 * @param card           the card, with its own suggestions
 * @param orientation    optional layout; carriers default to vertical
 * @param imageAlignment optional image side for horizontal cards
 * @param suggestions    message-level chips shown under the card (Pinnacle's quick replies)
 */
public record CardContent(Card card, CardOrientation orientation, ImageAlignment imageAlignment,
        List<Suggestion> suggestions) implements Content {

    public CardContent {
        suggestions = Lists.immutable(suggestions);
    }

    @Override
    public Channel channel() {
        return Channel.RCS;
    }
}
