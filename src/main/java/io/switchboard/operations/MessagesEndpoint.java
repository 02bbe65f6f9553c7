package io.switchboard.operations;

import io.switchboard.store.MessagePath;
import io.switchboard.store.MessagePaths;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/messages/{id}} (operators only): one message's whole path, of any tenant: its legs with the
 * carrier calls made for each (outcome, HTTP status, time taken), its timeline in order, the webhook attempts of its
 * events per target, and the trace id under which its spans were exported. 404 for an unknown id.
 */
@Component
@Endpoint(id = "messages")
public class MessagesEndpoint {

    private final MessagePaths paths;

    public MessagesEndpoint(MessagePaths paths) {
        this.paths = paths;
    }

    @ReadOperation
    public WebEndpointResponse<MessagePath> path(@Selector String id) {
        return paths.find(id).map(WebEndpointResponse::new)
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }
}
