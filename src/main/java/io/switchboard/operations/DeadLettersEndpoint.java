package io.switchboard.operations;

import io.switchboard.operations.DeadLetters.DeadLetter;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/** {@code /actuator/deadletters} (operators only): the {@link DeadLetters}, and a replay of one of them. */
@Component
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<DeadLetter> list() {
        return deadLetters.list(Integer.MAX_VALUE);
    }

    /** Puts the dead letter with this JMS message id back on its queue; 404 when there is none. */
    @WriteOperation
    public WebEndpointResponse<DeadLetter> replay(@Selector String id) {
        return deadLetters.replay(id).map(WebEndpointResponse::new)
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }
}
