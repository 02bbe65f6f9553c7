package io.switchboard.model;

/** Layout of a standalone rich card. */
public enum CardOrientation {
    VERTICAL,
    HORIZONTAL
}
