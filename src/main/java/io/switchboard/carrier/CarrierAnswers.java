package io.switchboard.carrier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** What every carrier dialect's answer reading shares: which HTTP statuses pass, and a body read leniently. */
public final class CarrierAnswers {

    private CarrierAnswers() {
    }

    /** A retry for 408, 429 and 5xx, whatever the body says: the same send may succeed later. */
    public static Optional<CarrierOutcome> passingFailure(int status) {
        return status == 408 || status == 429 || status >= 500
                ? Optional.of(CarrierOutcome.retryLater("HTTP " + status)) : Optional.empty();
    }

    /** Accepted under the carrier's id; an acceptance without one is retried, since the leg could not be tracked. */
    public static CarrierOutcome accepted(int status, String carrierMessageId, String idName) {
        return carrierMessageId == null || carrierMessageId.isEmpty()
                ? CarrierOutcome.retryLater("HTTP " + status + " without a " + idName)
                : CarrierOutcome.accepted(carrierMessageId);
    }

    /** The body as JSON, or a missing node when it is empty or not JSON (a proxy's error page). */
    public static JsonNode tree(ObjectMapper mapper, String body) {
        try {
            return body == null || body.isBlank() ? mapper.missingNode() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return mapper.missingNode();
        }
    }
}
