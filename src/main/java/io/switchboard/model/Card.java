package io.switchboard.model;

import java.util.List;

/** One rich card, standalone or inside a carousel. Card suggestions stay on screen after a tap. */
public record Card(String title, String description, Media media, CardHeight height, List<Suggestion> suggestions) {

    public Card {
        suggestions = Lists.immutable(suggestions);
    }
}
