package io.switchboard.dialect.v5;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.JsonBodies;
import io.switchboard.carrier.CarrierErrorReason;
import io.switchboard.carrier.CarrierOutcome;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads a v5 carrier's answer to {@code POST /v5/messages} into a {@link CarrierOutcome}. */
@Component("v5CarrierResponses")
public class V5CarrierResponses {

    private final JsonBodies bodies;

    public V5CarrierResponses(JsonBodies bodies) {
        this.bodies = bodies;
    }

    public CarrierOutcome interpret(int status, String body) {
        JsonNode json = bodies.treeOrMissing(body);
        String guid = json.path("data").path("results").path(0).path("messageGUID").asText("");
        return CarrierOutcome.ofHttpAnswer(status, guid, reason(status, json));
    }

    private static String reason(int status, JsonNode json) {
        return CarrierErrorReason.of(status, json, List.of("message"),
                CarrierErrorReason.messages(json.path("data")));
    }
}
