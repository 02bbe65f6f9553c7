package io.switchboard.api;

/** One problem with one field of a request. */
public record FieldError(FieldPath path, String message) {
}
