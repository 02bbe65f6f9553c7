package io.switchboard.dialect.v5;

/** The v5 choice types of seed 004; each decides which other fields of a choice are required. */
public enum V5ChoiceType {
    REPLY,
    OPEN_URL,
    DIAL_PHONE,
    SHOW_LOCATION,
    REQUEST_LOCATION,
    CREATE_CALENDAR_EVENT
}
