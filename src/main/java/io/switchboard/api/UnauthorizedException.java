package io.switchboard.api;

import java.util.Locale;

/** No credentials, or credentials no tenant owns. The message never says which. */
public final class UnauthorizedException extends ApiException {

    private final Flaw flaw;

    /** A client's credential that is missing or that no tenant owns. */
    public UnauthorizedException(String message) {
        this(Flaw.CREDENTIAL, message);
    }

    public UnauthorizedException(Flaw flaw, String message) {
        super(401, "unauthorized", message);
        this.flaw = flaw;
    }

    /** What was wrong with the proof; the callback metrics count refusals by it, the caller never learns it. */
    public Flaw flaw() {
        return flaw;
    }

    /** What was wrong with the proof a caller sent, in words from a bounded set (a metric's tag). */
    public enum Flaw {
        /** A client's credential that is missing or that no tenant owns. */
        CREDENTIAL,
        /** No signature, token or timestamp where one is required. */
        MISSING,
        /** A signature, token or timestamp that cannot be read. */
        MALFORMED,
        /** A signature made with none of the configured carriers' secrets. */
        SIGNATURE,
        /** A callback token the hub did not issue. */
        TOKEN,
        /** A signed timestamp too old or in the future. */
        STALE,
        /** A callback naming a carrier the hub does not have. */
        UNKNOWN_CARRIER;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
