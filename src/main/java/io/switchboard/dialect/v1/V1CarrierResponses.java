package io.switchboard.dialect.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.JsonBodies;
import io.switchboard.carrier.CarrierErrorReason;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.store.Leg;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The v1 carrier call's own rules: the idempotency key a send goes out with, and the reading of the carrier's answer
 * to {@code POST /v1/messages} into a {@link CarrierOutcome}.
 */
@Component("v1CarrierResponses")
public class V1CarrierResponses {

    private final JsonBodies bodies;

    public V1CarrierResponses(JsonBodies bodies) {
        this.bodies = bodies;
    }

    /**
     * The {@code Idempotency-Key} of a leg: the same UUID (v1 asks for one) every time the leg is sent, so a send the
     * broker retries after a lost answer is recognised by the carrier and not sent twice; another leg, another key.
     */
    public String idempotencyKey(Leg leg) {
        String name = "switchboard:" + leg.messageId() + ":" + leg.legId();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Accepted with the carrier's {@code message_id}; a rate limit (429), a timeout (408) or a server error is a
     * passing failure; any other answer refuses the send, with the error envelope's message and field details.
     */
    public CarrierOutcome interpret(int status, String body) {
        JsonNode json = bodies.treeOrMissing(body);
        return CarrierOutcome.ofHttpAnswer(status, json.path("message_id").asText(""), reason(status, json));
    }

    private static String reason(int status, JsonNode json) {
        return CarrierErrorReason.of(status, json, List.of("message", "error"),
                CarrierErrorReason.fieldMessages(json.path("details"), " "));
    }
}
