package io.switchboard.model;

/**
 * Free-text reasons: a carrier's error text, why a message failed or failed over. The store keeps them in columns of
 * {@value #MAX_LENGTH} characters, so each is cut to that where it enters the hub, and the timeline, the webhooks and
 * the dead-letter queue all say the same. The start of a long carrier text still explains the failure, so it is
 * shortened, never refused.
 */
public final class Reasons {

    /** The width of the store's reason columns. */
    public static final int MAX_LENGTH = 1000;

    /** Marks a reason that was cut. */
    private static final String CUT = "…";

    private Reasons() {
    }

    /** The reason, or its first {@value #MAX_LENGTH} characters ending in "…"; null stays null. */
    public static String bounded(String reason) {
        if (reason == null || reason.length() <= MAX_LENGTH) {
            return reason;
        }
        int end = MAX_LENGTH - CUT.length();
        // never keep half of a character outside the Basic Multilingual Plane
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + CUT;
    }
}
