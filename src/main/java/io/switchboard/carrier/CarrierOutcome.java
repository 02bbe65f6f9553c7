package io.switchboard.carrier;

/**
 * What a carrier's answer to a send means for the hub.
 *
 * @param carrierMessageId the carrier's id for the send, when accepted
 * @param reason           the carrier's explanation, when not accepted
 */
public record CarrierOutcome(Verdict verdict, String carrierMessageId, String reason) {

    public static CarrierOutcome accepted(String carrierMessageId) {
        return new CarrierOutcome(Verdict.ACCEPTED, carrierMessageId, null);
    }

    public static CarrierOutcome retryLater(String reason) {
        return new CarrierOutcome(Verdict.RETRY, null, reason);
    }

    public static CarrierOutcome refused(String reason) {
        return new CarrierOutcome(Verdict.REFUSED, null, reason);
    }

    public enum Verdict {
        /** The carrier took the message. */
        ACCEPTED,
        /** A passing failure (5xx, 408, 429, timeout): the same send may succeed later. */
        RETRY,
        /** The carrier will never take this send as it is. */
        REFUSED
    }
}
