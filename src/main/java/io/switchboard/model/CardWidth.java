package io.switchboard.model;

/** Width of the cards in a carousel. */
public enum CardWidth {
    SMALL,
    MEDIUM
}
