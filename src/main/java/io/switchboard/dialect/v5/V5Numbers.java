package io.switchboard.dialect.v5;

/** v5 writes phone numbers as digits without the E.164 plus sign ({@code 15559876543}). */
final class V5Numbers {

    private V5Numbers() {
    }

    static String fromE164(String number) {
        return number != null && number.startsWith("+") ? number.substring(1) : number;
    }
}
