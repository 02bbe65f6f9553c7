package io.switchboard.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.PrometheusScrape;
import io.switchboard.testing.WebhookReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alert rules of docker/monitoring load as Grafana and Prometheus read them, and every series
 * and label they name is one the hub exposes on {@code /actuator/prometheus} once sandbox traffic has moved each kind
 * of figure: accepted, refused and replayed requests, a carrier's refusal and the failover it causes, a retried
 * webhook and a forged callback. Prometheus' own {@code up} is the only other series they may name.
 */
class MonitoringFilesIntegrationTest extends HubIntegrationTest {

    private static final Path MONITORING = Path.of("docker", "monitoring");
    private static final Set<String> PROMETHEUS_OWN_SERIES = Set.of("up");
    private static final Pattern LABEL_VALUES =
            Pattern.compile("label_values\\(\\s*([a-zA-Z_:][\\w:]*)\\s*,\\s*(\\w+)\\)");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(MONITORING.resolve("grafana/switchboard-dashboard.json").toFile());
    }

    private static JsonNode alertRules() throws IOException {
        return YAML.readTree(MONITORING.resolve("alerts.yml").toFile()).path("groups").path(0).path("rules");
    }

    /** Every PromQL expression of both files, by where it stands, with Grafana's variables as Prometheus sees them. */
    private static Map<String, String> expressions() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode panel : dashboard().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                        target.path("expr").asText().replace("$__rate_interval", "5m"));
            }
        }
        for (JsonNode rule : alertRules()) {
            expressions.put("alert " + rule.path("alert").asText(), rule.path("expr").asText());
        }
        return expressions;
    }

    @Test
    void shouldGiveEveryPanelItsQueriesAndTheProvisionedDataSource() throws IOException {
        String provisioned = YAML.readTree(MONITORING.resolve("grafana/datasource.yaml").toFile())
                .path("datasources").path(0).path("uid").asText();
        JsonNode dashboard = dashboard();
        Set<Integer> ids = new HashSet<>();

        assertThat(dashboard.path("uid").asText()).isEqualTo("switchboard-hub");
        assertThat(dashboard.path("panels")).hasSizeGreaterThan(20);
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as(title + " has an id of its own").isTrue();
            JsonNode position = panel.path("gridPos");
            assertThat(position.path("x").asInt() + position.path("w").asInt()).as(title).isBetween(1, 24);
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(provisioned);
            assertThat(panel.path("description").asText()).as(title + " says what it shows").isNotBlank();
            assertThat(panel.path("targets")).as(title).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.path("expr").asText()).as(title).isNotBlank());
        }
        assertThat(dashboard.path("templating").path("list")).allSatisfy(variable ->
                assertThat(variable.path("datasource").path("uid").asText()).isEqualTo(provisioned));
    }

    @Test
    void shouldGiveEveryAlertASeverityASummaryAndAnExpression() throws IOException {
        JsonNode rules = alertRules();

        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        for (JsonNode rule : rules) {
            String alert = rule.path("alert").asText();
            assertThat(alert).startsWith("Switchboard");
            assertThat(rule.path("expr").asText()).as(alert).isNotBlank();
            assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("critical", "warning");
            assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
            assertThat(rule.path("annotations").path("description").asText()).as(alert).isNotBlank();
        }
    }

    @Test
    void shouldNameOnlySeriesAndLabelsTheHubExposes() throws IOException {
        PrometheusScrape scrape = afterTrafficOfEveryKind();
        List<String> missing = new ArrayList<>();

        for (Map.Entry<String, String> expression : expressions().entrySet()) {
            PromQlSelectors found = PromQlSelectors.of(expression.getValue());
            assertThat(found.selectors()).as(expression.getKey() + " reads a series").isNotEmpty();
            Set<String> labelsOfItsSeries = new HashSet<>();
            for (PromQlSelectors.Selector selector : found.selectors()) {
                if (PROMETHEUS_OWN_SERIES.contains(selector.metric())) {
                    continue;
                }
                Set<String> labels = labelsOf(scrape, selector.metric());
                if (labels == null) {
                    missing.add(expression.getKey() + ": no series " + selector.metric());
                    continue;
                }
                labelsOfItsSeries.addAll(labels);
                selector.labels().stream().filter(label -> !labels.contains(label)).forEach(label ->
                        missing.add(expression.getKey() + ": " + selector.metric() + " has no label " + label));
            }
            if (found.selectors().stream().anyMatch(s -> !PROMETHEUS_OWN_SERIES.contains(s.metric()))) {
                found.groupingLabels().stream().filter(label -> !labelsOfItsSeries.contains(label)).forEach(label ->
                        missing.add(expression.getKey() + ": groups by " + label + ", which its series lack"));
            }
        }
        for (JsonNode variable : dashboard().path("templating").path("list")) {
            Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
            assertThat(labelValues.matches()).as(variable.toString()).isTrue();
            Set<String> labels = labelsOf(scrape, labelValues.group(1));
            if (labels == null || !labels.contains(labelValues.group(2))) {
                missing.add("variable " + variable.path("name").asText() + ": " + labelValues.group(0));
            }
        }

        assertThat(missing).isEmpty();
    }

    /**
     * Prometheus asks for OpenMetrics, and refuses the whole scrape when a series carries an exemplar its type may not
     * have (a timer's {@code _count}, "does not support exemplars"), which Spring Boot adds once tracing is on.
     */
    @Test
    void shouldAnswerPrometheusOwnRequestWithOpenMetricsWithoutExemplars() {
        // a caller's sampled trace is recorded whatever the sampling probability: its timers would carry exemplars
        String sampled = send("+15557400404", "traceparent", "00-" + "4bf92f3577b34da6a3ce929d0e0e4736"
                + "-00f067aa0ba902b7-01").json().path("message_id").asText();
        eventually().until(() -> timeline(sampled).contains("delivered"));

        HubClient.Response scrape = hub().get("/actuator/prometheus", "Authorization", OPERATOR, "Accept",
                "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1");
        String body = new String(scrape.raw().body(), StandardCharsets.UTF_8);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("application/openmetrics-text");
        assertThat(body).contains("switchboard_queue_depth").endsWith("# EOF\n");
        assertThat(body.lines().filter(line -> !line.startsWith("#") && line.contains(" # {")))
                .as("series with an exemplar").isEmpty();
    }

    /** The labels of a series as the hub exposes it, or null when it does not. */
    private static Set<String> labelsOf(PrometheusScrape scrape, String metric) {
        List<Map<String, String>> series = scrape.series(metric);
        if (series.isEmpty()) {
            return null;
        }
        Set<String> labels = new HashSet<>();
        series.forEach(one -> labels.addAll(one.keySet()));
        return labels;
    }

    private PrometheusScrape afterTrafficOfEveryKind() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode subscribed = subscribe(receiver.url(), List.of("message.delivered"));
            receiver.failNext(1);
            String key = "monitoring-" + UUID.randomUUID();

            String delivered = send("+15557400404", "Idempotency-Key", key).json().path("message_id").asText();
            assertThat(send("+15557400404", "Idempotency-Key", key).header("Idempotent-Replayed")).isEqualTo("true");
            String failedOver = send("+15559140100").json().path("message_id").asText();
            assertThat(hub().postJson("/v1/messages", "{\"to\":\"12\"}".getBytes(StandardCharsets.UTF_8),
                    "Authorization", V1_KEY).status()).isEqualTo(400);
            assertThat(hub().postJson("/callbacks/v1", "{}".getBytes(StandardCharsets.UTF_8),
                    "X-Arowana-Signature", "sha256=00ff").status()).isEqualTo(401);

            eventually().until(() -> receiver.about(delivered, "message.delivered").size() == 1
                    && timeline(failedOver).contains("delivered"));
            hub().delete("/v1/webhooks/" + subscribed.path("id").asText(), "Authorization", V1_KEY);
        }
        return PrometheusScrape.of(hub());
    }

    private HubClient.Response send(String recipient, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", V1_KEY));
        all.addAll(List.of(headers));
        HubClient.Response accepted = postV1(recipient, all.toArray(String[]::new));
        assertThat(accepted.status()).as(accepted.toString()).isIn(200, 202);
        return accepted;
    }
}
