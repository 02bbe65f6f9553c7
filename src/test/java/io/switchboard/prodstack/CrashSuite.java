package io.switchboard.prodstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sandbox.SandboxCallbacks;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.WebhookReceiver;
import io.switchboard.testing.prodstack.ProdStack;
import io.switchboard.testing.prodstack.Settlement;
import io.switchboard.testing.prodstack.SteadyLoad;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash suite: the packaged hub in the prod profile under a steady mixed load in all three client dialects,
 * killed -9 at random moments, some while it is still starting, with the carriers in a process of their own that
 * counts every request by leg and holds callbacks while the hub is down. Once the load has ended and everything has
 * settled it holds the hub to its promise: nothing accepted lost or stuck, no leg sent twice beyond the legs the hub
 * itself counted as resent in doubt, no failover after a delivery, a webhook for every subscribed event, no 404 or
 * 500 on the way. The figures go to {@code crash-report.json} in the run's directory and to the log.
 *
 * <p>{@code -Dswitchboard.crash.kills} (default 2: one under load, one during start-up), {@code
 * -Dswitchboard.crash.rate} (messages a second, default 20) and {@code -Dswitchboard.crash.seed} (default random,
 * logged) tune a run; RELIABILITY.md has the full run's command and figures.
 */
abstract class CrashSuite {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSuite.class);
    private static final int KILLS = Integer.getInteger("switchboard.crash.kills", 2);
    private static final int RATE = Integer.getInteger("switchboard.crash.rate", 20);
    private static final long SEED = Long.getLong("switchboard.crash.seed", new Random().nextLong());
    /** Shorter than routing.yaml's, so restarts cross time limits and the failover decision is tried under them. */
    private static final String TIME_LIMIT = "20s";
    private static final List<String> SUBSCRIBED = List.of("sent", "delivered", "read", "failover");
    /** Where the production stack's routing (src/test/resources/prod-stack/routing.yaml) sends each prefix. */
    private static final String DEFAULT_ROUTE = "+1555060";
    /** The sandbox rows that make RCS fail, so the default route fails over to SMS. */
    private static final Set<String> FAILING_RCS_ROWS = Set.of("00", "01");
    /** The carriers whose ledger key is the hub's own leg id, so a second send is traced to its leg. */
    private static final Map<String, String> CARRIER_IDS = Map.of("sandbox-v5", "v5-rcs",
            "sandbox-pinnacle", "pinnacle", "sandbox-v1", "v1", "sandbox-channels", "channels");
    /**
     * Log lines of a start, in order; a kill during start-up waits for one of them at random, so it lands before the
     * database is migrated, before Camel runs, or while Tomcat already answers.
     */
    private static final List<String> START_MILESTONES = List.of("Starting SwitchboardApplication",
            "Successfully validated", "Apache Camel", "Tomcat started on port");

    private final Random random = new Random(SEED);
    private final List<Duration> restarts = new ArrayList<>();
    private Duration firstStart;
    private ProdStack stack;
    private WebhookReceiver receiver;

    abstract ProdStack.Stores stores();

    @AfterEach
    void stopTheStack() {
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldKeepEveryAcceptedMessageAndSendItOnceWhenKilledUnderLoad() throws Exception {
        Path directory = Path.of("target", "prod-stack", "crash-" + stores().name().toLowerCase() + "-"
                + UUID.randomUUID()).toAbsolutePath();
        LOG.info("Crash suite on {} stores: {} kills, {} messages a second, seed {} (-Dswitchboard.crash.seed)",
                stores(), KILLS, RATE, SEED);
        stack = ProdStack.start(directory, stores(), Map.of("SWITCHBOARD_ROUTING_FILE",
                "file:" + routingWithShortTimeLimit(directory)), Map.of());
        firstStart = stack.hub().lastStartup();
        ExampleMessages.Credentials tenant = new ExampleMessages.Credentials(stack.tenant().v1Authorization(),
                stack.tenant().v5Authorization(), stack.tenant().pinnacleApiKey());
        receiver = new WebhookReceiver();
        HubClient.Response subscribed = hub().postJson("/v1/webhooks", Map.of("url", receiver.url(),
                "events", SUBSCRIBED.stream().map(type -> "message." + type).toList()),
                "Authorization", tenant.v1Authorization());
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);

        Instant begin = Instant.now();
        SteadyLoad load = SteadyLoad.start(hub(), tenant, mix(), RATE);
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                // even kills hit a running hub under load, odd ones the start that follows
                if (kill % 2 == 0) {
                    killUnderLoad(load);
                } else {
                    killWhileStarting();
                }
                if (kill % 2 == 1 || kill == KILLS - 1) {
                    restart();
                }
            }
            load.awaitAcceptedMore(RATE * 3L);
        } finally {
            load.finish();
        }
        Duration loaded = Duration.between(begin, Instant.now());

        Settlement outcome = Settlement.await(hub(), tenant.v1Authorization(),
                SteadyLoad.messageIds(load.accepted()), Duration.ofMinutes(10));
        SandboxCallbacks.Tally callbacks = awaitCallbacksTaken();
        Webhooks webhooks = awaitWebhooks(outcome);
        Map<String, SandboxLedger.LegTally> ledger = stack.carriers().ledger().legs();
        stack.hub().stop();
        List<LegRow> legs = legs();

        Report report = report(load, outcome, webhooks, ledger, legs, callbacks, loaded);
        Files.writeString(directory.resolve("crash-report.json"),
                Fixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        LOG.info("Crash suite on {} stores, seed {}: {}", stores(), SEED,
                Fixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));

        assertThat(report.accepted()).as("messages accepted").isGreaterThan((long) RATE * 5);
        assertThat(report.refused()).as("requests refused for good").isEmpty();
        // a 404 while starting, or any 5xx but the 503 of a hub starting or stopping, fails the run
        assertThat(report.answers().keySet()).as("answers on the way")
                .isSubsetOf("200", "202", "429", "503", SteadyLoad.NO_ANSWER);
        assertThat(report.lost()).as("accepted, then unknown to the hub").isEmpty();
        assertThat(report.stuck()).as("accepted, then not delivered").isEmpty();
        assertThat(report.duplicateMessages()).as("numbers with more than one message").isEmpty();
        assertThat(report.secondSendsBeyondInDoubt()).as("second sends the hub did not count as in doubt").isEmpty();
        assertThat(report.falseFailovers()).as("failover legs claimed after the first leg was delivered").isEmpty();
        assertThat(report.failoversOnRoutesWithout()).as("failover legs on routes without failover").isEmpty();
        assertThat(report.missingFailovers()).as("failing RCS never failed over").isEmpty();
        assertThat(report.missingWebhooks()).as("timeline events without their webhook").isEmpty();
        assertThat(report.callbacksGivenUp()).as("callbacks the carriers gave up on").isZero();
    }

    /** One message of each dialect for each carrier route and sandbox row the crash suite watches. */
    private static List<SteadyLoad.Kind> mix() {
        List<String[]> routes = List.of(new String[] {DEFAULT_ROUTE, "10"}, new String[] {DEFAULT_ROUTE, "00"},
                new String[] {DEFAULT_ROUTE, "01"}, new String[] {DEFAULT_ROUTE, "04"},
                new String[] {"+1555710", "10"}, new String[] {"+1555720", "10"}, new String[] {"+1555730", "10"},
                new String[] {"+1555740", "04"});
        List<SteadyLoad.Kind> kinds = new ArrayList<>();
        for (String dialect : List.of("v1", "v5", "pinnacle")) {
            routes.forEach(route -> kinds.add(new SteadyLoad.Kind(dialect, route[0], route[1])));
        }
        return kinds;
    }

    private static Path routingWithShortTimeLimit(Path directory) throws IOException {
        String routing = Files.readString(ProdStack.ROUTING);
        String shortened = routing.replace("ttl: 60s", "ttl: " + TIME_LIMIT);
        assertThat(shortened).as("the production stack's routing has a 60 s time limit to shorten")
                .isNotEqualTo(routing);
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve("routing.yaml"), shortened);
    }

    /**
     * Kills the hub once it has caught up with the requests that waited for it and accepted a random number more (one
     * to ten seconds of load).
     */
    private void killUnderLoad(SteadyLoad load) {
        // the requests that piled up while it was away are in first, so kills do not pile them up without end
        load.awaitCaughtUp(RATE);
        load.awaitAcceptedMore(RATE + random.nextInt(RATE * 9));
        stack.hub().kill();
        LOG.info("Killed the hub under load, {} messages accepted so far", load.acceptedSoFar());
    }

    /** Starts the hub that is down and kills it when its log reaches a milestone of the start chosen at random. */
    private void killWhileStarting() throws IOException {
        String milestone = START_MILESTONES.get(random.nextInt(START_MILESTONES.size()));
        long logBefore = Files.size(stack.hub().log());
        stack.hub().launch();
        Awaitility.await("the hub's start to log " + milestone).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100)).until(() -> logSince(logBefore).contains(milestone));
        stack.hub().kill();
        LOG.info("Killed the hub while starting, at '{}'", milestone);
    }

    private void restart() {
        stack.hub().start();
        restarts.add(stack.hub().lastStartup());
    }

    private String logSince(long offset) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(stack.hub().log().toFile(), "r")) {
            log.seek(offset);
            byte[] appended = new byte[(int) (log.length() - offset)];
            log.readFully(appended);
            return new String(appended, StandardCharsets.UTF_8);
        }
    }

    private SandboxCallbacks.Tally awaitCallbacksTaken() {
        try {
            return Awaitility.await("the carriers' callbacks taken").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500)).until(() -> stack.carriers().ledger().callbacks(),
                            tally -> tally.pending() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return stack.carriers().ledger().callbacks();
        }
    }

    /** A leg as the hub's database has it once the hub has stopped. */
    private record LegRow(String legId, String messageId, int number, String carrierId, String status,
            Instant createdAt, Instant deliveredAt, int inDoubtResends, String recipient) {
    }

    private List<LegRow> legs() throws SQLException {
        return stack.query("SELECT l.leg_id, l.message_id, l.leg_number, l.carrier_id, l.status, l.created_at, "
                + "l.delivered_at, l.in_doubt_resends, m.recipient FROM message_legs l JOIN messages m "
                + "ON m.id = l.message_id", rows -> new LegRow(rows.getString(1), rows.getString(2), rows.getInt(3),
                rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant(),
                rows.getTimestamp(7) == null ? null : rows.getTimestamp(7).toInstant(), rows.getInt(8),
                rows.getString(9)));
    }

    /**
     * What the run shows, each list naming the messages or legs concerned.
     *
     * @param secondSends              per carrier: sends beyond the first of any leg, as the carriers counted them
     * @param inDoubtResends           per carrier: legs the hub sent again after a crash cut an attempt short
     * @param secondSendsBeyondInDoubt legs sent more often than the hub's own count of in-doubt resends allows
     * @param firstStartSeconds        how long the hub's first start took, until ready
     * @param restartSeconds           how long each start after a kill took, until ready
     */
    record Report(String date, String stores, long seed, int kills, int rate, long loadSeconds, long accepted,
            Map<String, Integer> answers, List<String> refused, Map<String, Integer> acceptedByDialect,
            List<String> lost, Map<String, String> stuck, List<String> duplicateMessages,
            Map<String, Integer> secondSends, Map<String, Integer> inDoubtResends,
            List<String> secondSendsBeyondInDoubt, int failovers, List<String> falseFailovers,
            List<String> failoversAfterTimeLimit, List<String> failoversOnRoutesWithout,
            List<String> missingFailovers, int webhooksExpected, List<String> missingWebhooks,
            long webhooksRedelivered, long callbacksDelivered, long callbacksGivenUp, double firstStartSeconds,
            List<Double> restartSeconds) {
    }

    private Report report(SteadyLoad load, Settlement outcome, Webhooks webhooks,
            Map<String, SandboxLedger.LegTally> ledger, List<LegRow> legs, SandboxCallbacks.Tally callbacks,
            Duration loaded) {
        List<SteadyLoad.Accepted> accepted = load.accepted();
        Map<String, SteadyLoad.Accepted> byId = accepted.stream().collect(Collectors.toMap(
                SteadyLoad.Accepted::messageId, message -> message, (first, replay) -> first));
        Map<String, List<LegRow>> legsByMessage = legs.stream().collect(Collectors.groupingBy(LegRow::messageId));

        Map<String, String> stuck = new TreeMap<>();
        outcome.unsettled().forEach((id, status) -> stuck.put(id, byId.get(id).kind() + " "
                + status.path("status").asText() + " " + status.path("events").findValuesAsText("type")));

        Map<String, Long> messagesPerNumber = legs.stream().collect(Collectors.groupingBy(LegRow::recipient,
                Collectors.mapping(LegRow::messageId, Collectors.collectingAndThen(Collectors.toSet(),
                        ids -> (long) ids.size()))));
        List<String> duplicateMessages = messagesPerNumber.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey).sorted().toList();

        Map<String, Integer> secondSends = new TreeMap<>();
        ledger.values().forEach(tally -> secondSends.merge(tally.carrier(), Math.max(0, tally.sends() - 1),
                Integer::sum));
        Map<String, Integer> inDoubt = new TreeMap<>();
        legs.forEach(leg -> inDoubt.merge(leg.carrierId(), leg.inDoubtResends(), Integer::sum));
        Map<String, LegRow> legsById = legs.stream().collect(Collectors.toMap(LegRow::legId, leg -> leg));
        List<String> beyondInDoubt = new ArrayList<>();
        ledger.forEach((key, tally) -> {
            LegRow leg = legsById.get(key);
            // v5 and Channels name the hub's leg id; Pinnacle's key is its request, so it is checked per carrier
            if (leg != null && tally.sends() - 1 > leg.inDoubtResends()) {
                beyondInDoubt.add(key + " sent " + tally.sends() + " times, in doubt " + leg.inDoubtResends());
            }
        });
        secondSends.forEach((carrier, second) -> {
            int allowed = inDoubt.getOrDefault(CARRIER_IDS.get(carrier), 0);
            if (second > allowed) {
                beyondInDoubt.add(carrier + ": " + second + " second sends, " + allowed + " in doubt");
            }
        });

        List<String> falseFailovers = new ArrayList<>();
        List<String> afterTimeLimit = new ArrayList<>();
        List<String> onRoutesWithout = new ArrayList<>();
        List<String> missingFailovers = new ArrayList<>();
        int failovers = 0;
        for (SteadyLoad.Accepted message : byId.values()) {
            List<LegRow> messageLegs = legsByMessage.getOrDefault(message.messageId(), List.of());
            LegRow first = messageLegs.stream().filter(leg -> leg.number() == 1).findFirst().orElse(null);
            LegRow second = messageLegs.stream().filter(leg -> leg.number() == 2).findFirst().orElse(null);
            boolean defaultRoute = message.kind().prefix().equals(DEFAULT_ROUTE);
            boolean failingRcs = defaultRoute && FAILING_RCS_ROWS.contains(message.kind().row());
            if (second == null) {
                if (failingRcs && !outcome.lost().contains(message.messageId())) {
                    missingFailovers.add(message.messageId() + " " + message.kind());
                }
                continue;
            }
            failovers++;
            if (!defaultRoute) {
                onRoutesWithout.add(message.messageId() + " " + message.kind());
            } else if (first != null && first.deliveredAt() != null
                    && first.deliveredAt().isBefore(second.createdAt())) {
                falseFailovers.add(message.messageId() + " " + message.kind() + ": delivered "
                        + first.deliveredAt() + ", failover leg " + second.createdAt());
            } else if (!failingRcs) {
                afterTimeLimit.add(message.messageId() + " " + message.kind());
            }
        }

        Map<String, Integer> byDialect = new TreeMap<>();
        byId.values().forEach(message -> byDialect.merge(message.kind().dialect(), 1, Integer::sum));
        return new Report(LocalDate.now().toString(), stores().name(), SEED, KILLS, RATE, loaded.toSeconds(),
                byId.size(), load.answers(), load.refused().stream().map(Object::toString).toList(), byDialect,
                outcome.lost().stream().sorted().toList(), stuck, duplicateMessages, secondSends, inDoubt,
                beyondInDoubt, failovers, falseFailovers, afterTimeLimit, onRoutesWithout, missingFailovers,
                webhooks.expected(), webhooks.missing(), webhooks.redelivered(), callbacks.delivered(),
                callbacks.givenUp(),
                seconds(firstStart), restarts.stream().map(CrashSuite::seconds).toList());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /**
     * @param expected    webhooks the settled messages' timelines call for
     * @param missing     those the receiver has not taken, by message and event
     * @param redelivered webhooks taken more than once (the same {@code webhook-id})
     */
    private record Webhooks(int expected, List<String> missing, long redelivered) {
    }

    /**
     * The subscribed webhooks of every settled message, waited for a while: a delivery a kill interrupted waits out
     * the broker's webhook backoff (5 s, 30 s, 3 min) before its next attempt.
     */
    private Webhooks awaitWebhooks(Settlement outcome) {
        try {
            return Awaitility.await("every subscribed webhook").atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(2)).until(() -> webhooks(outcome),
                            webhooks -> webhooks.missing().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return webhooks(outcome);
        }
    }

    private Webhooks webhooks(Settlement outcome) {
        WebhookIndex taken = new WebhookIndex(receiver.received());
        List<String> missing = new ArrayList<>();
        int expected = 0;
        for (Map.Entry<String, JsonNode> settled : outcome.settled().entrySet()) {
            Set<String> types = new HashSet<>(settled.getValue().path("events").findValuesAsText("type"));
            types.retainAll(SUBSCRIBED);
            expected += types.size();
            for (String type : types) {
                if (!taken.has(settled.getKey(), "message." + type)) {
                    missing.add(settled.getKey() + " message." + type);
                }
            }
        }
        return new Webhooks(expected, missing, taken.redelivered());
    }

    /** The webhooks the receiver took, by message and event, read once. */
    private static final class WebhookIndex {

        private final Map<String, Set<String>> eventsByMessage = new HashMap<>();
        private final long redelivered;

        WebhookIndex(List<WebhookReceiver.Received> received) {
            Map<String, Integer> deliveriesById = new LinkedHashMap<>();
            for (WebhookReceiver.Received webhook : received) {
                if (webhook.answeredWith() >= 300) {
                    continue;
                }
                JsonNode payload = webhook.json();
                eventsByMessage.computeIfAbsent(payload.path("data").path("message_id").asText(),
                        id -> new HashSet<>()).add(payload.path("event").asText());
                webhook.headers().firstValue("webhook-id").ifPresent(id -> deliveriesById.merge(id, 1,
                        Integer::sum));
            }
            redelivered = deliveriesById.values().stream().filter(count -> count > 1).count();
        }

        boolean has(String messageId, String event) {
            return eventsByMessage.getOrDefault(messageId, Set.of()).contains(event);
        }

        long redelivered() {
            return redelivered;
        }
    }

    private HubClient hub() {
        return stack.hub().client();
    }
}
