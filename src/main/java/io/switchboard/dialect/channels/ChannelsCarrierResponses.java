package io.switchboard.dialect.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.carrier.CarrierAnswers;
import io.switchboard.carrier.CarrierOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a Channels carrier's answer to a send into a {@link CarrierOutcome}: 202 (or any 2xx) with the message
 * resource's {@code id} is accepted; 408, 429 and 5xx are passing; any other answer refuses the send for good, with
 * the API's own explanation. The error shape is not published, so the reason is read leniently: {@code message},
 * then {@code code}, then each detail's message.
 */
@Component("channelsCarrierResponses")
public class ChannelsCarrierResponses {

    private final ObjectMapper mapper;

    public ChannelsCarrierResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CarrierOutcome interpret(int status, String body) {
        Optional<CarrierOutcome> passing = CarrierAnswers.passingFailure(status);
        if (passing.isPresent()) {
            return passing.get();
        }
        JsonNode json = CarrierAnswers.tree(mapper, body);
        if (status >= 200 && status < 300) {
            return CarrierAnswers.accepted(status, json.path("id").asText(""), "message id");
        }
        return CarrierOutcome.refused(reason(status, json));
    }

    private static String reason(int status, JsonNode json) {
        List<String> parts = new ArrayList<>();
        String message = json.path("message").asText("");
        String code = json.path("code").asText("");
        parts.add(!message.isEmpty() ? message : !code.isEmpty() ? code : "HTTP " + status);
        for (JsonNode detail : json.path("details")) {
            String text = detail.path("message").asText("");
            if (!text.isEmpty()) {
                String field = detail.path("field").asText("");
                parts.add(field.isEmpty() ? text : field + ": " + text);
            }
        }
        return String.join("; ", parts);
    }
}
