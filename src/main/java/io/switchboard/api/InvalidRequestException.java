package io.switchboard.api;

import java.util.List;

/** The body parsed but breaks the dialect's rules; carries every problem found, not only the first. */
public final class InvalidRequestException extends ApiException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(400, "validation_error", describe(errors));
        this.errors = List.copyOf(errors);
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? "The request has 1 invalid field."
                : "The request has " + errors.size() + " invalid fields.";
    }

    @Override
    public List<FieldError> getErrors() {
        return errors;
    }
}
