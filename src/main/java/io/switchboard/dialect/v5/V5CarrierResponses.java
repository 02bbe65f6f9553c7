package io.switchboard.dialect.v5;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.carrier.CarrierOutcome;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads a v5 carrier's answer to {@code POST /v5/messages} into a {@link CarrierOutcome}. */
@Component("v5CarrierResponses")
public class V5CarrierResponses {

    private final ObjectMapper mapper;

    public V5CarrierResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CarrierOutcome interpret(int status, String body) {
        if (status == 408 || status == 429 || status >= 500) {
            return CarrierOutcome.retryLater("HTTP " + status);
        }
        JsonNode json = parse(body);
        if (status >= 200 && status < 300) {
            String guid = json.path("data").path("results").path(0).path("messageGUID").asText("");
            return guid.isEmpty()
                    ? CarrierOutcome.retryLater("HTTP " + status + " without a messageGUID")
                    : CarrierOutcome.accepted(guid);
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

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? mapper.missingNode() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return mapper.missingNode();
        }
    }
}
