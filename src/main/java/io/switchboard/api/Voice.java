package io.switchboard.api;

/**
 * How a dialect words a refusal. The rules say what is wrong ({@code must be at most 25 characters}); the voice turns
 * that into the dialect's message, so one rule serves every dialect and each still answers in its own words.
 */
@FunctionalInterface
public interface Voice {

    /** The words as they are, a condition after them: {@code is required when recurrence is set}. */
    Voice PLAIN = (path, words, condition) -> condition == null ? words : words + " when " + condition;

    /**
     * The message for a refusal of the field at {@code path}. {@code condition} is null, or what makes a missing
     * field required there ({@code choice type is OPEN_URL}); only {@code is required} comes with one.
     */
    String message(FieldPath path, String words, String condition);
}
