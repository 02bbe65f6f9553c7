package io.switchboard.docker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series a PromQL expression reads: each metric name with the labels its matchers name, and the labels its
 * aggregations group by. Enough PromQL for the hub's dashboard and alert rules, checked by what it finds, not a parser.
 */
record PromQlSelectors(List<Selector> selectors, Set<String> groupingLabels) {

    record Selector(String metric, Set<String> labels) {
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern SELECTOR =
            Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*\\})?");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

    static PromQlSelectors of(String expression) {
        String withoutStrings = STRING.matcher(expression).replaceAll("\"\"");
        String withoutRanges = RANGE.matcher(withoutStrings).replaceAll(" ");
        Set<String> grouping = new LinkedHashSet<>();
        Matcher groupings = GROUPING.matcher(withoutRanges);
        while (groupings.find()) {
            for (String label : groupings.group(1).split(",")) {
                if (!label.isBlank()) {
                    grouping.add(label.strip());
                }
            }
        }
        String rest = GROUPING.matcher(withoutRanges).replaceAll(" ");
        List<Selector> selectors = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(rest);
        while (selector.find()) {
            String name = selector.group(1);
            boolean function = rest.substring(selector.end()).stripLeading().startsWith("(")
                    && selector.group(2) == null;
            if (function || KEYWORDS.contains(name.toLowerCase())) {
                continue;
            }
            Set<String> labels = new LinkedHashSet<>();
            if (selector.group(2) != null) {
                Matcher label = MATCHER_LABEL.matcher(selector.group(2));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
            selectors.add(new Selector(name, labels));
        }
        return new PromQlSelectors(selectors, grouping);
    }
}
