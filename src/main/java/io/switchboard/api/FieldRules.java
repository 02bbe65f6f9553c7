package io.switchboard.api;

import io.switchboard.net.TargetGuard;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Rules of one field that mean the same, in the same words, in every dialect that has them. Null has no length, so
 * it passes the length and list-size rules; every other rule here refuses null in its own words, as the dialects do
 * for a field of an action that is missing. Wrap a rule in {@link Rule#required}, {@link Rule#ifPresent} or
 * {@link Rule#ifNotNull} to say otherwise.
 */
public final class FieldRules {

    public static final Rule<Double> LATITUDE = between(-90, 90);
    public static final Rule<Double> LONGITUDE = between(-180, 180);

    private FieldRules() {
    }

    /** Length as a person counts it ({@link Checks#length}). */
    public static Rule<String> maxLength(int max) {
        return Rule.must(value -> Checks.length(value) <= max, "must be at most " + max + " characters");
    }

    public static Rule<String> oneOf(Enum<?>... allowed) {
        return oneOf(Arrays.stream(allowed).map(Enum::name).toList());
    }

    public static Rule<String> oneOf(List<String> allowed) {
        return Rule.must(value -> value != null && allowed.contains(value),
                "must be one of " + String.join(", ", allowed));
    }

    /** A phone number as {@link PhoneNumbers#isE164} reads it. */
    public static Rule<String> e164() {
        return Rule.must(PhoneNumbers::isE164, "must be an E.164 phone number");
    }

    /** A phone number as {@link PhoneNumbers#isE164} reads it; the refusal shows {@code example}. */
    public static Rule<String> e164(String example) {
        return Rule.must(PhoneNumbers::isE164, "must be an E.164 phone number such as " + example);
    }

    public static Rule<String> httpUrl() {
        return Rule.must(Checks::isHttpUrl, "must be an http or https URL");
    }

    /**
     * A URL the hub hands on for others to fetch or call may not point into the hub's own network
     * ({@link TargetGuard#mediaRefusal}). Put it after the dialect's own check that the value is an http(s) URL.
     */
    public static Rule<String> outsideTheHub(TargetGuard guard) {
        return Rule.refusal(url -> guard.mediaRefusal(URI.create(url)));
    }

    public static Rule<List<?>> atMost(int max, String items) {
        return Rule.must(list -> size(list) <= max, "must have at most " + max + " " + items);
    }

    public static Rule<List<?>> sized(int min, int max, String items) {
        return Rule.must(list -> size(list) >= min && size(list) <= max,
                "must have " + min + " to " + max + " " + items);
    }

    public static Rule<List<?>> notEmpty(String item) {
        return Rule.must(list -> size(list) > 0, "must have at least 1 " + item);
    }

    private static Rule<Double> between(int min, int max) {
        return Rule.must(value -> value != null && !(value < min || value > max),
                "must be a number between " + min + " and " + max);
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
