package io.switchboard.callback;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.api.ApiException;
import java.util.List;
import org.springframework.stereotype.Component;

/** What {@code /callbacks/*} answers carriers. Carriers retry on non-2xx, so only real refusals get one. */
@Component("callbackResponses")
public class CallbackResponses {

    public Receipt received() {
        return new Receipt("received");
    }

    public Refusal refusal(ApiException exception) {
        return new Refusal(exception.getCode(), exception.getMessage(), exception.getErrors().stream()
                .map(error -> new Detail(error.path().segments().isEmpty() ? "body" : error.path().dotted(),
                        error.message()))
                .toList());
    }

    /** For a failure that is the hub's fault; the carrier sends the callback again, its cause goes to the log. */
    public Refusal internalError() {
        return new Refusal("internal_error", "The hub could not take this callback; send it again later.", List.of());
    }

    public record Receipt(String status) {
    }

    /** @param details the fields at fault, when the body broke a rule; left out otherwise */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Refusal(String error, String message, List<Detail> details) {
    }

    public record Detail(String field, String message) {
    }
}
