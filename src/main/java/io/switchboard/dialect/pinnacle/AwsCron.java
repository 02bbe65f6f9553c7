package io.switchboard.dialect.pinnacle;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an AWS cron expression, {@code cron(minutes hours day-of-month month day-of-week year)}, which
 * Pinnacle's {@code schedule.recurrence} takes. Checks each field's values and operators ({@code , - * ? / L W #});
 * it does not compute occurrences. AWS's rule that one of day-of-month and day-of-week be {@code ?} is not enforced:
 * Pinnacle's own example, {@code cron(0 9 * * MON-FRI *)}, breaks it.
 */
final class AwsCron {

    static final String EXAMPLE = "cron(0 9 ? * MON-FRI *)";

    private static final Pattern WRAPPED = Pattern.compile("cron\\((.*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STEP = Pattern.compile("(.+)/([0-9]+)");
    private static final Pattern RANGE = Pattern.compile("([A-Za-z0-9]+)-([A-Za-z0-9]+)");
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("([0-9]{1,2})W");
    private static final Pattern LAST_WEEKDAY = Pattern.compile("([A-Za-z0-9]+)L");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("([A-Za-z0-9]+)#([1-5])");

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private enum Field {
        MINUTES("minutes", 0, 59, List.of()),
        HOURS("hours", 0, 23, List.of()),
        DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
        MONTH("month", 1, 12, MONTHS),
        DAY_OF_WEEK("day-of-week", 1, 7, DAYS),
        YEAR("year", 1970, 2199, List.of());

        private final String label;
        private final int min;
        private final int max;
        private final List<String> names;

        Field(String label, int min, int max, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }
    }

    private AwsCron() {
    }

    /** What is wrong with the expression, or null when it has the shape of an AWS cron expression. */
    static String problem(String expression) {
        Matcher wrapped = WRAPPED.matcher(expression.trim());
        String body = wrapped.matches() ? wrapped.group(1) : expression;
        String[] fields = body.trim().split("\\s+");
        if (fields.length != Field.values().length) {
            return "must be an AWS cron expression with six fields (minutes hours day-of-month month day-of-week"
                    + " year), such as " + EXAMPLE;
        }
        for (Field field : Field.values()) {
            String value = fields[field.ordinal()];
            if (!isValid(field, value)) {
                return "has an invalid " + field.label + " field '" + value + "'";
            }
        }
        return null;
    }

    private static boolean isValid(Field field, String value) {
        for (String part : value.split(",", -1)) {
            if (!isValidPart(field, part.toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidPart(Field field, String part) {
        if (part.equals("*")) {
            return true;
        }
        if (field == Field.DAY_OF_MONTH || field == Field.DAY_OF_WEEK) {
            if (part.equals("?") || part.equals("L")) {
                return true;
            }
            if (isValidDaySpecial(field, part)) {
                return true;
            }
        }
        Matcher step = STEP.matcher(part);
        if (step.matches()) {
            int increment = Integer.parseInt(step.group(2));
            String start = step.group(1);
            return increment > 0 && increment <= field.max && (start.equals("*") || isValidRangeOrValue(field, start));
        }
        return isValidRangeOrValue(field, part);
    }

    private static boolean isValidDaySpecial(Field field, String part) {
        if (field == Field.DAY_OF_MONTH) {
            Matcher weekday = NEAREST_WEEKDAY.matcher(part);
            return part.equals("LW") || (weekday.matches() && isValue(field, weekday.group(1)));
        }
        Matcher last = LAST_WEEKDAY.matcher(part);
        Matcher nth = NTH_WEEKDAY.matcher(part);
        return (last.matches() && isValue(field, last.group(1))) || (nth.matches() && isValue(field, nth.group(1)));
    }

    private static boolean isValidRangeOrValue(Field field, String part) {
        Matcher range = RANGE.matcher(part);
        if (range.matches()) {
            return isValue(field, range.group(1)) && isValue(field, range.group(2));
        }
        return isValue(field, part);
    }

    private static boolean isValue(Field field, String token) {
        if (field.names.contains(token)) {
            return true;
        }
        if (!token.matches("[0-9]{1,4}")) {
            return false;
        }
        int number = Integer.parseInt(token);
        return number >= field.min && number <= field.max;
    }
}
