package io.switchboard.model;

/** The network a message (or one leg of it) travels on. */
public enum Channel {
    RCS,
    SMS,
    MMS
}
