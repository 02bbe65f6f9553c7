package io.switchboard.dialect.v5;

import io.switchboard.api.FieldError;
import io.switchboard.api.JsonBodies;
import io.switchboard.api.MalformedBodyException;
import org.springframework.stereotype.Component;

/** Reads v5 request bodies into their wire records. */
@Component("v5Requests")
public class V5Requests {

    private final JsonBodies bodies;

    public V5Requests(JsonBodies bodies) {
        this.bodies = bodies;
    }

    /** A field of the wrong JSON type is named the way v5 names fields in every other refusal. */
    public V5Message message(byte[] body, String contentType) {
        try {
            return bodies.read(body, contentType, V5Message.class);
        } catch (MalformedBodyException e) {
            FieldError error = e.getErrors().get(0);
            if (error.path().segments().isEmpty()) {
                throw e;
            }
            throw new MalformedBodyException(new FieldError(error.path(),
                    V5Validator.quote(error.path()) + " " + error.message()));
        }
    }
}
