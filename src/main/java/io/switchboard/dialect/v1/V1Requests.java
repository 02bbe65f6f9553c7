package io.switchboard.dialect.v1;

import io.switchboard.api.JsonBodies;
import org.springframework.stereotype.Component;

/** Reads v1 request bodies into their wire records. */
@Component("v1Requests")
public class V1Requests {

    private final JsonBodies bodies;

    public V1Requests(JsonBodies bodies) {
        this.bodies = bodies;
    }

    public V1SendRequest message(byte[] body, String contentType) {
        return bodies.read(body, contentType, V1SendRequest.class);
    }

    public V1WebhookRequest webhook(byte[] body, String contentType) {
        return bodies.read(body, contentType, V1WebhookRequest.class);
    }

    public V1WebhookUpdate webhookUpdate(byte[] body, String contentType) {
        return bodies.read(body, contentType, V1WebhookUpdate.class);
    }
}
