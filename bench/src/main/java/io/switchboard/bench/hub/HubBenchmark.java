package io.switchboard.bench.hub;

import io.switchboard.testing.BlackHoleEndpoint;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.prodstack.ProdStack;
import io.switchboard.testing.prodstack.StandaloneArtemis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub next to its own parts, on one machine in one run ({@code ./mvnw -B -Phub-bench verify}, bench/README.md):
 * the ceiling of its HTTP stack, the raw broker, the accept path of each client dialect all-out and at fixed offered
 * rates, and the whole path from accept to webhook at sustained rates, with the CPU each process spent. The packaged
 * hub runs as a process of its own on its embedded broker and database, the sandbox carriers in another; this JVM
 * is the load and the webhook subscriber. Results, a Markdown table and the charts go to {@code target/bench/}.
 */
public final class HubBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(HubBenchmark.class);

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warm-up-seconds", 60));
    private static final Duration POINT = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
    private static final List<Integer> ACCEPT_RATES = rates("bench.accept-rates", "250,500,1000,2000,3000");
    private static final List<Integer> END_TO_END_RATES = rates("bench.end-to-end-rates", "50,100,250,500,1000,1500");
    private static final List<String> DIALECTS = list("bench.dialects", "v1,v5,pinnacle");
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);
    /** Added to the hub's JVM options, such as a flight recording to profile it under the benchmark's load. */
    private static final String HUB_JAVA_OPTIONS = System.getProperty("bench.hub-java-options", "");

    private final Path directory;
    private final List<Results.PathResult> paths = new ArrayList<>();
    private final List<Results.RatePoint> acceptRates = new ArrayList<>();
    private final List<Results.EndToEndPoint> endToEnd = new ArrayList<>();
    private ProdStack stack;
    private JvmMeter hubMeter;
    private JvmMeter carriersMeter;
    private JvmMeter loadMeter;
    private QueueDepths queues;
    private AcceptRequests acceptRequests;

    private HubBenchmark(Path directory) {
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path directory = Path.of("target", "bench", "hub-" + stamp).toAbsolutePath();
        Files.createDirectories(directory);
        new HubBenchmark(directory).run();
    }

    private void run() throws Exception {
        Results.Broker broker = rawBroker();
        Instant begin = Instant.now();
        Map<String, String> hubEnvironment = new HashMap<>(Map.of(
                "SWITCHBOARD_RATE_LIMIT_REQUESTS_PER_SECOND", "100000000",
                "SWITCHBOARD_ROUTING_FILE", "file:" + ProdStack.ROUTING.toAbsolutePath()));
        if (!HUB_JAVA_OPTIONS.isBlank()) {
            hubEnvironment.put("JAVA_TOOL_OPTIONS", HUB_JAVA_OPTIONS);
        }
        stack = ProdStack.start(directory.resolve("stack"), ProdStack.Stores.EMBEDDED, hubEnvironment, Map.of());
        try (WebhookCounter webhooks = new WebhookCounter(); BlackHoleEndpoint deadSubscriber = new BlackHoleEndpoint()) {
            double startupSeconds = stack.hub().lastStartup().toMillis() / 1_000.0;
            hubMeter = new JvmMeter(stack.hub().pid());
            carriersMeter = new JvmMeter(stack.carriers().pid());
            loadMeter = new JvmMeter(ProcessHandle.current().pid());
            queues = new QueueDepths(stack.hub().client(), stack.operatorAuthorization());
            acceptRequests = new AcceptRequests(stack.tenant());
            long rssIdle = hubMeter.read().rssBytes();

            HttpLoad.Requests liveness = serial -> LIVENESS;
            // as long as each accept path's, so the ceiling is a warm JVM's too
            HttpLoad.allOut("warm-http", stack.hub().port(), CONNECTIONS, WARM_UP, liveness);
            paths.add(measureAllOut("HTTP ceiling: GET /actuator/health/liveness", liveness));

            for (String dialect : DIALECTS) {
                HttpLoad.Requests accept = acceptRequests.of(dialect, dialect);
                LOG.info("Warming the {} accept path up for {} s", dialect, WARM_UP.toSeconds());
                HttpLoad.allOut("warm-" + dialect, stack.hub().port(), CONNECTIONS, WARM_UP, accept);
                drain();
                paths.add(measureAllOut("accept " + dialect + " (all-out)", accept));
                drain();
            }
            HttpLoad.Requests v1 = acceptRequests.of("v1", "v1");
            for (int rate : ACCEPT_RATES) {
                acceptRates.add(measureRate(rate, v1));
                drain();
            }
            subscribe(webhooks.url());
            // a subscriber that takes connections and never answers: the live one's webhooks must not wait for it
            subscribe(deadSubscriber.url());
            // dispatch, callbacks and webhooks run code the accept runs barely touched: warm it, as each path was
            LOG.info("Warming the end-to-end path up for {} s at {}/s", WARM_UP.toSeconds(), END_TO_END_RATES.get(0));
            HttpLoad.openModel("warm-end-to-end", stack.hub().port(), CONNECTIONS, END_TO_END_RATES.get(0), WARM_UP,
                    v1);
            drain();
            for (int rate : END_TO_END_RATES) {
                Results.EndToEndPoint point = measureEndToEnd(rate, v1, webhooks);
                endToEnd.add(point);
                drain();
                if (!point.sustained() && point.acceptedPerSecond() < rate * 0.5) {
                    break;
                }
            }
            Results results = new Results(Instant.now().toString(), Duration.between(begin, Instant.now())
                    .toSeconds(), machine(), new Results.Settings(WARM_UP.toSeconds(), POINT.toSeconds(),
                    CONNECTIONS), startupSeconds, rssIdle / 1_048_576, broker, paths, acceptRates, endToEnd);
            results.write(directory);
            LOG.info("Benchmark written to {}:\n{}", directory, Files.readString(directory.resolve("results.md")));
        } finally {
            stack.close();
        }
    }

    private Results.Broker rawBroker() throws Exception {
        try (StandaloneArtemis broker = StandaloneArtemis.start(directory.resolve("raw-broker"))) {
            String body = Files.readString(Path.of("docs", "examples", "v1-first-message.json"));
            LOG.info("Raw broker: persistent messages, 1 producer and 1 consumer, {} s", POINT.toSeconds());
            BrokerBaseline.Outcome outcome = BrokerBaseline.run(broker.url(), broker.user(), broker.password(),
                    "switchboard.outbound", body, Duration.ofSeconds(10), POINT);
            return new Results.Broker(outcome.sentPerSecond(), outcome.receivedPerSecond());
        }
    }

    private Results.PathResult measureAllOut(String name, HttpLoad.Requests requests) {
        Usages before = usages();
        HttpLoad.Outcome outcome = HttpLoad.allOut(name, stack.hub().port(), CONNECTIONS, POINT, requests);
        Used used = usages().since(before);
        LOG.info("{}: {}/s, p99 {} ms", name, Math.round(outcome.achievedPerSecond()),
                outcome.percentileMillis(99));
        return Results.PathResult.of(outcome, used.hub(), used.carriers(), used.load());
    }

    private Results.RatePoint measureRate(int rate, HttpLoad.Requests requests) {
        Usages before = usages();
        HttpLoad.Outcome outcome = HttpLoad.openModel("accept-" + rate, stack.hub().port(), CONNECTIONS, rate,
                POINT, requests);
        Used used = usages().since(before);
        LOG.info("v1 accept at {}/s offered: {}/s, p50 {} ms, p99 {} ms", rate,
                Math.round(outcome.achievedPerSecond()), outcome.percentileMillis(50), outcome.percentileMillis(99));
        return Results.RatePoint.of(outcome, used.hub());
    }

    private Results.EndToEndPoint measureEndToEnd(int rate, HttpLoad.Requests requests, WebhookCounter webhooks)
            throws InterruptedException {
        long webhooksBefore = webhooks.received();
        Usages before = usages();
        DepthSampler sampler = DepthSampler.start(queues);
        HttpLoad.Outcome outcome = HttpLoad.openModel("end-to-end-" + rate, stack.hub().port(), CONNECTIONS, rate,
                POINT, requests);
        long webhooksDuring = webhooks.received() - webhooksBefore;
        Used used = usages().since(before);
        DepthSampler.Trend trend = sampler.stop();
        Instant drainStart = Instant.now();
        drain();
        double drainSeconds = Duration.between(drainStart, Instant.now()).toMillis() / 1_000.0;
        Results.EndToEndPoint point = Results.EndToEndPoint.of(rate, outcome, webhooksDuring / used.hub().seconds(),
                trend, drainSeconds, used.hub(), used.carriers(), used.load());
        LOG.info("End to end at {}/s offered: accepted {}/s, webhooks {}/s, queues growing {}/s, sustained: {}",
                rate, Math.round(point.acceptedPerSecond()), Math.round(point.webhooksPerSecond()),
                Math.round(trend.growthPerSecond()), point.sustained());
        return point;
    }

    private void subscribe(String url) {
        HubClient.Response subscribed = stack.hub().client().postJson("/v1/webhooks", Map.of("url", url,
                "events", List.of("message.delivered")), "Authorization", stack.tenant().v1Authorization());
        if (subscribed.status() != 201) {
            throw new IllegalStateException("Could not subscribe " + url + ": " + subscribed);
        }
    }

    /** Waits until the hub has finished everything it took on, so the next measurement starts from rest. */
    private void drain() throws InterruptedException {
        Instant limit = Instant.now().plus(DRAIN_LIMIT);
        while (queues.total() > 0) {
            if (Instant.now().isAfter(limit)) {
                throw new IllegalStateException("The hub's queues did not drain in " + DRAIN_LIMIT + ": "
                        + queues.read());
            }
            Thread.sleep(500);
        }
    }

    private Usages usages() {
        return new Usages(hubMeter.read(), carriersMeter.read(), loadMeter.read());
    }

    private record Usages(JvmMeter.Reading hub, JvmMeter.Reading carriers, JvmMeter.Reading load) {

        Used since(Usages before) {
            return new Used(hub.since(before.hub), carriers.since(before.carriers), load.since(before.load));
        }
    }

    private record Used(JvmMeter.Usage hub, JvmMeter.Usage carriers, JvmMeter.Usage load) {
    }

    static final byte[] LIVENESS = ("GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }

    private static List<Integer> rates(String property, String defaults) {
        return list(property, defaults).stream().map(Integer::valueOf).toList();
    }

    /** A comma-separated setting; empty skips what it lists. */
    private static List<String> list(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim)
                .filter(item -> !item.isEmpty()).toList();
    }
}
