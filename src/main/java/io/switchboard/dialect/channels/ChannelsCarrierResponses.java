package io.switchboard.dialect.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.JsonBodies;
import io.switchboard.carrier.CarrierErrorReason;
import io.switchboard.carrier.CarrierOutcome;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a Channels carrier's answer to a send into a {@link CarrierOutcome}: 202 (or any 2xx) with the message
 * resource's {@code id} is accepted; 408, 429 and 5xx are passing; any other answer refuses the send for good, with
 * the API's own explanation. The error shape is not published, so the reason is read leniently: {@code message},
 * then {@code code}, then each detail's message.
 */
@Component("channelsCarrierResponses")
public class ChannelsCarrierResponses {

    private final JsonBodies bodies;

    public ChannelsCarrierResponses(JsonBodies bodies) {
        this.bodies = bodies;
    }

    public CarrierOutcome interpret(int status, String body) {
        JsonNode json = bodies.treeOrMissing(body);
        return CarrierOutcome.ofHttpAnswer(status, json.path("id").asText(""), reason(status, json));
    }

    private static String reason(int status, JsonNode json) {
        return CarrierErrorReason.of(status, json, List.of("message", "code"),
                CarrierErrorReason.fieldMessages(json.path("details"), ": "));
    }
}
