package io.switchboard.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** Field checks that mean the same in every dialect. */
public final class Checks {

    private Checks() {
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Length as a person counts it: an emoji is one character, not two UTF-16 units. */
    public static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    /** An absolute http or https URL with a host. */
    public static boolean isHttpUrl(String url) {
        if (isBlank(url)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** An ISO-8601 date-time with an offset or Z, such as {@code 2030-03-03T15:00:00.000+01:00}. */
    public static boolean isOffsetDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    /** Whether exactly one of the values is given (not null): a body takes one of several shapes. */
    public static boolean isExactlyOneGiven(Object... values) {
        return Arrays.stream(values).filter(Objects::nonNull).count() == 1;
    }

    public static boolean isOneOf(String value, Enum<?>[] allowed) {
        for (Enum<?> candidate : allowed) {
            if (candidate.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
