package io.switchboard.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The explanation a carrier's error body gives for refusing a send, as one line for a leg's reason: its headline,
 * then its details. Each dialect names the headline's fields and finds the details; the reading is lenient, so a
 * body that differs from the documented shape still yields what it holds, and an empty one the HTTP status.
 */
public final class CarrierErrorReason {

    private CarrierErrorReason() {
    }

    /**
     * @param headlineFields the body's fields that may hold the headline, the preferred first; the status stands in
     *                       when none holds text
     * @param details        further explanations, such as field messages; empty ones are left out
     * @return the headline and the details, joined by {@code "; "}
     */
    public static String of(int status, JsonNode body, List<String> headlineFields, List<String> details) {
        List<String> parts = new ArrayList<>();
        parts.add(headlineFields.stream()
                .map(field -> body.path(field).asText(""))
                .filter(text -> !text.isEmpty())
                .findFirst()
                .orElse("HTTP " + status));
        details.stream().filter(detail -> !detail.isEmpty()).forEach(parts::add);
        return String.join("; ", parts);
    }

    /**
     * The messages of a list of {@code {field?, message}} details, each after its field and the separator when it
     * names one; a detail without a message gives nothing.
     */
    public static List<String> fieldMessages(JsonNode details, String separator) {
        List<String> messages = new ArrayList<>();
        for (JsonNode detail : details) {
            String message = detail.path("message").asText("");
            String field = detail.path("field").asText("");
            if (!message.isEmpty()) {
                messages.add(field.isEmpty() ? message : field + separator + message);
            }
        }
        return messages;
    }

    /** The messages of a list of details, without their fields (for details whose message names its field). */
    public static List<String> messages(JsonNode details) {
        List<String> messages = new ArrayList<>();
        details.forEach(detail -> messages.add(detail.path("message").asText("")));
        return messages;
    }
}
