package io.switchboard.sms;

/** The two alphabets an SMS can be written in; they decide how many characters fit in one segment. */
public enum SmsEncoding {
    /** The GSM 03.38 default alphabet: seven bits a character, 160 characters in a single segment. */
    GSM7("gsm7"),
    /** UCS-2/UTF-16 for everything else: 70 UTF-16 units in a single segment. */
    UTF16("utf16");

    private final String id;

    SmsEncoding(String id) {
        this.id = id;
    }

    /** The lower-case name APIs use, such as {@code gsm7}. */
    public String id() {
        return id;
    }
}
