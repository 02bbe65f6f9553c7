package io.switchboard.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of {@code /actuator/prometheus}, as Prometheus reads it: series by name and labels. The tests compare two
 * reads, since the hub's context and its counters are shared by every test class.
 */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    /** Reads the hub's metrics with the operator login. */
    public static PrometheusScrape of(HubClient hub) {
        HubClient.Response metrics = hub.get("/actuator/prometheus", "Authorization", HubIntegrationTest.OPERATOR);
        if (metrics.status() != 200) {
            throw new AssertionError("The metrics did not read: " + metrics);
        }
        return parse(new String(metrics.raw().body(), StandardCharsets.UTF_8));
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new PrometheusScrape(samples);
    }

    /** The sum of the series of this name whose labels include these ({@code name, value, name, value…}); 0 if none. */
    public double value(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** Whether a series of this name with these labels exists. */
    public boolean has(String name, String... labels) {
        return !matching(name, labels).isEmpty();
    }

    /** The label sets of the series of this name, for a failure message. */
    public List<Map<String, String>> series(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).map(Sample::labels).toList();
    }

    private List<Sample> matching(String name, String... labels) {
        return samples.stream().filter(sample -> sample.name().equals(name))
                .filter(sample -> {
                    for (int i = 0; i + 1 < labels.length; i += 2) {
                        if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                }).toList();
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }
}
