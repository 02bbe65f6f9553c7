package io.switchboard.carrier;

import io.switchboard.model.Reasons;

/**
 * What a carrier's answer to a send means for the hub.
 *
 * @param carrierMessageId the carrier's id for the send, when accepted
 * @param reason           the carrier's explanation, when not accepted; cut to {@value Reasons#MAX_LENGTH} characters,
 *                         as it travels on as a leg's reason and in the header of a dead letter
 */
public record CarrierOutcome(Verdict verdict, String carrierMessageId, String reason) {

    public CarrierOutcome {
        reason = Reasons.bounded(reason);
    }

    public static CarrierOutcome accepted(String carrierMessageId) {
        return new CarrierOutcome(Verdict.ACCEPTED, carrierMessageId, null);
    }

    public static CarrierOutcome retryLater(String reason) {
        return new CarrierOutcome(Verdict.RETRY, null, reason);
    }

    public static CarrierOutcome refused(String reason) {
        return new CarrierOutcome(Verdict.REFUSED, null, reason);
    }

    /**
     * What an HTTP answer to a send means: 408, 429 and 5xx are passing failures; a 2xx is accepted with the
     * carrier's id, or retried when it names none (a garbled answer, and the dialect's idempotency or the carrier's
     * duplicate check keeps the retry from sending twice); any other status refuses the send.
     *
     * @param carrierMessageId the id the answer names, or empty
     * @param reason           the carrier's explanation, read from the answer
     */
    public static CarrierOutcome ofHttpAnswer(int status, String carrierMessageId, String reason) {
        if (status == 408 || status == 429 || status >= 500) {
            return retryLater(reason);
        }
        if (status >= 200 && status < 300) {
            return carrierMessageId == null || carrierMessageId.isEmpty()
                    ? retryLater("HTTP " + status + " without a message id")
                    : accepted(carrierMessageId);
        }
        return refused(reason);
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
