package io.switchboard.dialect.v5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.carrier.CarrierAnswers;
import io.switchboard.carrier.CarrierOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads a v5 carrier's answer to {@code POST /v5/messages} into a {@link CarrierOutcome}. */
@Component("v5CarrierResponses")
public class V5CarrierResponses {

    private final ObjectMapper mapper;

    public V5CarrierResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CarrierOutcome interpret(int status, String body) {
        Optional<CarrierOutcome> passing = CarrierAnswers.passingFailure(status);
        if (passing.isPresent()) {
            return passing.get();
        }
        JsonNode json = CarrierAnswers.tree(mapper, body);
        if (status >= 200 && status < 300) {
            return CarrierAnswers.accepted(status,
                    json.path("data").path("results").path(0).path("messageGUID").asText(""), "messageGUID");
        }
        return CarrierOutcome.refused(reason(status, json));
    }

    private static String reason(int status, JsonNode json) {
        List<String> parts = new ArrayList<>();
        String message = json.path("message").asText("");
        parts.add(message.isEmpty() ? "HTTP " + status : message);
        for (JsonNode error : json.path("data")) {
            String detail = error.path("message").asText("");
            if (!detail.isEmpty()) {
                parts.add(detail);
            }
        }
        return String.join("; ", parts);
    }
}
