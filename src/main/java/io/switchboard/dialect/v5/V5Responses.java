package io.switchboard.dialect.v5;

import io.switchboard.api.ApiException;
import io.switchboard.api.FieldError;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The v5 response shapes of seed 004, on success and on error. */
@Component("v5Responses")
public class V5Responses {

    public static final String QUEUED = "Message successfully queued";
    public static final String INVALID = "Missing or invalid parameters in body";

    /** Human descriptions of the top-level fields; nested fields are described by their own name, as in seed 004. */
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("messageType", "Message Type"), Map.entry("source", "Source"),
            Map.entry("destination", "Destination"), Map.entry("messageText", "Message Text"),
            Map.entry("mediaUrl", "Media URL"), Map.entry("thumbnailUrl", "Thumbnail URL"),
            Map.entry("filenameOverride", "Filename Override"), Map.entry("title", "Title"),
            Map.entry("description", "Description"), Map.entry("height", "Height"),
            Map.entry("choices", "Choices"), Map.entry("cards", "Cards"), Map.entry("smsFailover", "SMS Failover"),
            Map.entry("mmsFailover", "MMS Failover"), Map.entry("callbackURL", "Callback URL"));

    public Accepted accepted(String messageGuid, String destination) {
        return new Accepted("success", QUEUED, new Results(List.of(new Result(messageGuid, destination, "success"))));
    }

    public Refused refused(ApiException exception) {
        String message = exception.getErrors().isEmpty() ? exception.getMessage() : INVALID;
        return new Refused("error", message, exception.getErrors().stream().map(V5Responses::problem).toList());
    }

    public Refused refused(String message, List<Problem> problems) {
        return new Refused("error", message, problems);
    }

    /** For failures that are the hub's fault; says nothing about the cause, which goes to the log. */
    public Refused internalError() {
        return new Refused("error", "The hub could not process this request; retry it later.", List.of());
    }

    private static Problem problem(FieldError error) {
        if (error.path().segments().isEmpty()) {
            // malformed JSON: the whole body is at fault
            return new Problem("body", "Body", error.message());
        }
        String field = error.path().dotted();
        String description = error.path().segments().size() == 1
                ? DESCRIPTIONS.getOrDefault(field, field) : error.path().leaf();
        return new Problem(field, description, error.message());
    }

    public record Accepted(String status, String message, Results data) {
    }

    public record Results(List<Result> results) {
    }

    public record Result(String messageGUID, String destination, String status) {
    }

    public record Refused(String status, String message, List<Problem> data) {
    }

    public record Problem(String field, String description, String message) {
    }
}
