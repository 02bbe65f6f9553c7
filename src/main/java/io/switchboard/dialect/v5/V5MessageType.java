package io.switchboard.dialect.v5;

/** The v5 RCS message types of seed 004. */
public enum V5MessageType {
    RCS_TEXT,
    RCS_MEDIA,
    RCS_CARD,
    RCS_CAROUSEL
}
