package io.switchboard.model;

/** Height of the media area of a rich card. */
public enum CardHeight {
    SHORT,
    MEDIUM,
    TALL
}
