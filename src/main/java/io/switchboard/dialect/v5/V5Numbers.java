package io.switchboard.dialect.v5;

/** v5 writes phone numbers as digits without the E.164 plus sign ({@code 15559876543}). */
final class V5Numbers {

    private V5Numbers() {
    }

    static String fromE164(String number) {
        return number != null && number.startsWith("+") ? number.substring(1) : number;
    }

    /** The E.164 form the canonical model keeps: a v5 number gets its plus sign back. */
    static String toE164(String number) {
        return number.startsWith("+") ? number : "+" + number;
    }
}
