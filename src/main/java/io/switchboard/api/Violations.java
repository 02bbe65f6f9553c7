package io.switchboard.api;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem a validator finds, so the client learns all of them from one response. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(FieldPath path, String message) {
        errors.add(new FieldError(path, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int count() {
        return errors.size();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
