package io.switchboard.api;

import java.util.List;

/** The body is not JSON, or a field has the wrong JSON type or appears twice. */
public final class MalformedBodyException extends ApiException {

    private final FieldError error;

    public MalformedBodyException(FieldError error) {
        super(400, "invalid_json", error.path().segments().isEmpty()
                ? "The request body is not valid JSON: " + error.message()
                : "The field '" + error.path().dotted() + "' " + error.message() + ".");
        this.error = error;
    }

    @Override
    public List<FieldError> getErrors() {
        return List.of(error);
    }
}
