package io.switchboard.callback;

import io.switchboard.api.ApiException;
import org.springframework.stereotype.Component;

/** What {@code /callbacks/*} answers carriers. Carriers retry on non-2xx, so only real refusals get one. */
@Component("callbackResponses")
public class CallbackResponses {

    public Receipt received() {
        return new Receipt("received");
    }

    public Refusal refusal(ApiException exception) {
        return new Refusal(exception.getCode(), exception.getMessage());
    }

    public record Receipt(String status) {
    }

    public record Refusal(String error, String message) {
    }
}
