package io.switchboard.sandbox;

import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a sandbox carrier finds wrong with a request, checked by the carrier's own rules ({@link V1SandboxRules},
 * {@link PinnacleSandboxRules}) and never by the hub's validators, so a rule the hub and the vendor's API disagree on
 * shows up as the sandbox's refusal. Every problem is kept, with its field, for the carrier's error shape.
 */
final class CarrierRules {

    /** E.164 as both vendors write it: a plus, a country code that does not start with 0, 7 to 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final List<FieldError> problems = new ArrayList<>();

    List<FieldError> problems() {
        return List.copyOf(problems);
    }

    void refuse(FieldPath path, String message) {
        problems.add(new FieldError(path, message));
    }

    /** Refuses a missing value, or a blank text, as required; says whether it is there. */
    boolean required(Object value, FieldPath path) {
        boolean present = value != null && !(value instanceof String text && text.isBlank());
        if (!present) {
            refuse(path, "is required");
        }
        return present;
    }

    /** Characters as people count them: an emoji is one. */
    void atMostCharacters(String value, int max, FieldPath path) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            refuse(path, "must be at most " + max + " characters");
        }
    }

    /** A list of at most {@code max} items, named {@code items} in the refusal. */
    void atMostItems(List<?> values, int max, String items, FieldPath path) {
        if (values != null && values.size() > max) {
            refuse(path, "must have at most " + max + " " + items);
        }
    }

    void oneOf(String value, List<String> allowed, FieldPath path) {
        if (value != null && !allowed.contains(value)) {
            refuse(path, "must be one of " + String.join(", ", allowed));
        }
    }

    /** A required E.164 number, refused with an example of the vendor's. */
    void phoneNumber(String value, FieldPath path, String example) {
        if (required(value, path) && !E164.matcher(value).matches()) {
            refuse(path, "must be an E.164 phone number such as " + example);
        }
    }

    /** An absolute URL with a host whose scheme is https, or also http when {@code httpToo}. */
    void url(String value, boolean httpToo, FieldPath path) {
        String scheme = scheme(value);
        if (!("https".equals(scheme) || (httpToo && "http".equals(scheme)))) {
            refuse(path, httpToo ? "must be an http or https URL" : "must be an https URL");
        }
    }

    /** A required ISO 8601 date-time, with an offset or without one. */
    void dateTime(String value, FieldPath path, String example) {
        if (required(value, path) && !isDateTime(value)) {
            refuse(path, "must be an ISO 8601 date-time such as " + example);
        }
    }

    private static String scheme(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            return uri.getScheme() == null || uri.getHost() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException offsetless) {
            try {
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
