package io.switchboard.web;

import io.switchboard.api.ApiException;
import io.switchboard.callback.CallbackResponses;
import io.switchboard.dialect.pinnacle.PinnacleResponses;
import io.switchboard.dialect.v1.V1Responses;
import io.switchboard.dialect.v5.V5Responses;
import org.springframework.stereotype.Component;

/** The error body each API path answers in, for refusals made before a request reaches its route. */
@Component
public class DialectErrors {

    static final String[] API_PATTERNS = {"/v1/*", "/v5/*", "/messages/*", "/callbacks/*"};

    private final V1Responses v1;
    private final V5Responses v5;
    private final CallbackResponses callbacks;
    private final PinnacleResponses pinnacle;

    public DialectErrors(V1Responses v1, V5Responses v5, CallbackResponses callbacks, PinnacleResponses pinnacle) {
        this.v1 = v1;
        this.v5 = v5;
        this.callbacks = callbacks;
        this.pinnacle = pinnacle;
    }

    public Object render(String path, ApiException exception) {
        if (path.startsWith("/v1/")) {
            return v1.error(exception);
        }
        if (path.startsWith("/v5/")) {
            return v5.refused(exception);
        }
        if (path.startsWith("/messages/")) {
            return pinnacle.error(exception);
        }
        return callbacks.refusal(exception);
    }
}
