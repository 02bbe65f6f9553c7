package io.switchboard.sandbox;

/**
 * What a sandbox carrier does, chosen by the last two digits of the recipient's number so every path can be
 * triggered with curl. All sandbox carriers follow this table; the README shows it. Rows 00 to 02 are RCS trouble
 * (what failover is for) and 06 SMS/MMS trouble, so the SMS or MMS leg of a failed-over RCS message gets through; 07
 * is a user who answers.
 */
public enum SandboxBehaviour {
    /** {@code 00}: not RCS-capable; RCS sends are refused at once in the carrier's own error shape. */
    NOT_RCS_CAPABLE,
    /** {@code 01}: RCS is accepted, then an asynchronous {@code failed} callback; SMS and MMS are delivered. */
    FAILS_LATER,
    /** {@code 02}: RCS is accepted, then no callback at all; SMS and MMS are delivered. */
    SILENT,
    /** {@code 03}: the first two attempts get HTTP 503, the third is accepted and delivered. */
    FLAKY,
    /** {@code 04}: delivered, then read. */
    READ,
    /** {@code 05}: delivered, the same delivered callback again, then a late {@code sent}. */
    DUPLICATES,
    /** {@code 06}: SMS/MMS carriers report {@code delivery_failed}; RCS carriers deliver. */
    SMS_DELIVERY_FAILS,
    /**
     * {@code 07}: delivered (an RCS message also read), then the user answers in the carrier's inbound callback: a tap
     * on the message's first suggested reply, else the text {@value SandboxReply#DEFAULT_TEXT}; typing first, where
     * the dialect reports typing.
     */
    USER_REPLIES,
    /** Anything else: delivered after the configured delay. */
    DELIVERED;

    public static SandboxBehaviour forRecipient(String number) {
        String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
        String lastTwo = digits.length() < 2 ? "" : digits.substring(digits.length() - 2);
        return switch (lastTwo) {
            case "00" -> NOT_RCS_CAPABLE;
            case "01" -> FAILS_LATER;
            case "02" -> SILENT;
            case "03" -> FLAKY;
            case "04" -> READ;
            case "05" -> DUPLICATES;
            case "06" -> SMS_DELIVERY_FAILS;
            case "07" -> USER_REPLIES;
            default -> DELIVERED;
        };
    }
}
