package io.switchboard.prodstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sandbox.SandboxCallbacks;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.WebhookReceiver;
import io.switchboard.testing.prodstack.Deployment;
import io.switchboard.testing.prodstack.HubProcess;
import io.switchboard.testing.prodstack.ProdStack;
import io.switchboard.testing.prodstack.Settlement;
import io.switchboard.testing.prodstack.SteadyLoad;
import java.io.IOException;
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
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash suite: the packaged hub in the prod profile under a steady mixed load in all three client dialects,
 * with faults a subclass brings about ({@link #faults}: kills of the hub at random moments, of one hub of several, of
 * a broker), the carriers in a process of their own that counts every request by leg and holds callbacks while no hub
 * takes them. Once the load has ended and everything has settled it holds the hubs to their promise: nothing accepted
 * lost or stuck, no leg sent twice beyond the legs a hub itself counted as resent in doubt, no failover after a
 * delivery, a webhook for every subscribed event carrying its event's place in the message's timeline, no 404 or 500
 * on the way. The figures go to {@code crash-report.json} in the run's directory and to the log.
 *
 * <p>{@code -Dswitchboard.crash.rate} (messages a second, default 20) and {@code -Dswitchboard.crash.seed} (default
 * random, logged) tune a run; RELIABILITY.md has the full run's command and figures.
 */
abstract class CrashSuite {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSuite.class);
    static final int RATE = Integer.getInteger("switchboard.crash.rate", 20);
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

    final Random random = new Random(SEED);
    /** How long each start of a hub after a kill took, until ready. */
    final List<Duration> restarts = new ArrayList<>();
    /** What {@link #faults} did, in order, for the report. */
    final List<String> faultsDone = new ArrayList<>();
    private Duration firstStart;
    private Deployment stack;
    private WebhookReceiver receiver;

    /** What the suite runs on, for the log and the report. */
    abstract String deployment();

    /** Starts the deployment in {@code directory}, its hubs routing by {@code routing}. */
    abstract Deployment deploy(Path directory, Path routing);

    /** The faults of the run, brought about while {@code load} runs; each described in {@link #faultsDone}. */
    abstract void faults(SteadyLoad load) throws Exception;

    /** What the run does once the load has ended, before it waits for the messages to settle; nothing by default. */
    void afterLoad() {
    }

    /**
     * Sandbox rows whose RCS on the default route is never reported delivered, added to the mix, so each of those
     * messages fails over when its time limit runs out; none by default.
     */
    Set<String> timeLimitRows() {
        return Set.of();
    }

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
        Path directory = Path.of("target", "prod-stack", "crash-" + deployment() + "-" + UUID.randomUUID())
                .toAbsolutePath();
        LOG.info("Crash suite on {}: {} messages a second, seed {} (-Dswitchboard.crash.seed)", deployment(), RATE,
                SEED);
        stack = deploy(directory, routingWithShortTimeLimit(directory));
        firstStart = stack.hubs().get(0).lastStartup();
        ExampleMessages.Credentials tenant = new ExampleMessages.Credentials(stack.tenant().v1Authorization(),
                stack.tenant().v5Authorization(), stack.tenant().pinnacleApiKey());
        receiver = new WebhookReceiver();
        HubClient.Response subscribed = stack.client().postJson("/v1/webhooks", Map.of("url", receiver.url(),
                "events", SUBSCRIBED.stream().map(type -> "message." + type).toList()),
                "Authorization", tenant.v1Authorization());
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);

        Instant begin = Instant.now();
        SteadyLoad load = SteadyLoad.start(stack.hubs().stream().map(HubProcess::client).toList(), tenant, mix(),
                RATE);
        try {
            faults(load);
            load.awaitAcceptedMore(RATE * 3L);
        } finally {
            load.finish();
        }
        Duration loaded = Duration.between(begin, Instant.now());
        afterLoad();

        Settlement outcome = Settlement.await(stack.client(), tenant.v1Authorization(),
                SteadyLoad.messageIds(load.accepted()), Duration.ofMinutes(10));
        SandboxCallbacks.Tally callbacks = awaitCallbacksTaken();
        Webhooks webhooks = awaitWebhooks(outcome);
        Map<String, SandboxLedger.LegTally> ledger = stack.carriers().ledger().legs();
        // the embedded H2 file opens to one process at a time
        stack.hubs().forEach(HubProcess::stop);
        List<LegRow> legs = legs();
        List<String> outOfPlace = outOfPlace(Set.copyOf(SteadyLoad.messageIds(load.accepted())), events());

        Report report = report(load, outcome, webhooks, outOfPlace, ledger, legs, callbacks, loaded);
        Files.writeString(directory.resolve("crash-report.json"),
                Fixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        LOG.info("Crash suite on {}, seed {}: {}", deployment(), SEED,
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
        assertThat(report.secondFailovers()).as("failover legs beyond the one failover").isEmpty();
        assertThat(report.missingWebhooks()).as("timeline events without their webhook").isEmpty();
        assertThat(report.outOfPlace()).as("timelines out of order, webhooks not at their event's place").isEmpty();
        assertThat(report.callbacksGivenUp()).as("callbacks the carriers gave up on").isZero();
    }

    /** One message of each dialect for each carrier route and sandbox row the crash suite watches. */
    private List<SteadyLoad.Kind> mix() {
        List<String[]> routes = new ArrayList<>(List.of(new String[] {DEFAULT_ROUTE, "10"},
                new String[] {DEFAULT_ROUTE, "00"}, new String[] {DEFAULT_ROUTE, "01"},
                new String[] {DEFAULT_ROUTE, "04"}, new String[] {"+1555710", "10"}, new String[] {"+1555720", "10"},
                new String[] {"+1555730", "10"}, new String[] {"+1555740", "04"}));
        timeLimitRows().stream().sorted().forEach(row -> routes.add(new String[] {DEFAULT_ROUTE, row}));
        List<SteadyLoad.Kind> kinds = new ArrayList<>();
        for (String dialect : List.of("v1", "v5", "pinnacle")) {
            routes.forEach(route -> kinds.add(new SteadyLoad.Kind(dialect, route[0], route[1])));
        }
        return kinds;
    }

    static Path routingWithShortTimeLimit(Path directory) throws IOException {
        String routing = Files.readString(ProdStack.ROUTING);
        String shortened = routing.replace("ttl: 60s", "ttl: " + TIME_LIMIT);
        assertThat(shortened).as("the production stack's routing has a 60 s time limit to shorten")
                .isNotEqualTo(routing);
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve("routing.yaml"), shortened);
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
     * @param secondFailovers          failover legs beyond the one a message may have
     * @param outOfPlace               timelines whose places are not 1, 2, 3 …, and webhooks whose sequence is not
     *                                 their event's place
     * @param firstStartSeconds        how long the hub's first start took, until ready
     * @param restartSeconds           how long each start after a kill took, until ready
     */
    record Report(String date, String deployment, long seed, List<String> faults, int rate, long loadSeconds,
            long accepted,
            Map<String, Integer> answers, List<String> refused, Map<String, Integer> acceptedByDialect,
            List<String> lost, Map<String, String> stuck, List<String> duplicateMessages,
            Map<String, Integer> secondSends, Map<String, Integer> inDoubtResends,
            List<String> secondSendsBeyondInDoubt, int failovers, List<String> falseFailovers,
            List<String> failoversAfterTimeLimit, List<String> failoversOnRoutesWithout,
            List<String> missingFailovers, List<String> secondFailovers, int webhooksExpected,
            List<String> missingWebhooks, List<String> outOfPlace, long webhooksRedelivered, long callbacksDelivered,
            long callbacksGivenUp, double firstStartSeconds, List<Double> restartSeconds) {
    }

    private Report report(SteadyLoad load, Settlement outcome, Webhooks webhooks, List<String> outOfPlace,
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
        List<String> secondFailovers = new ArrayList<>();
        int failovers = 0;
        for (SteadyLoad.Accepted message : byId.values()) {
            List<LegRow> messageLegs = legsByMessage.getOrDefault(message.messageId(), List.of());
            LegRow first = messageLegs.stream().filter(leg -> leg.number() == 1).findFirst().orElse(null);
            LegRow second = messageLegs.stream().filter(leg -> leg.number() == 2).findFirst().orElse(null);
            boolean defaultRoute = message.kind().prefix().equals(DEFAULT_ROUTE);
            boolean failingRcs = defaultRoute && (FAILING_RCS_ROWS.contains(message.kind().row())
                    || timeLimitRows().contains(message.kind().row()));
            messageLegs.stream().filter(leg -> leg.number() > 2).forEach(leg -> secondFailovers.add(
                    message.messageId() + " " + message.kind() + ": leg " + leg.number()));
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
        return new Report(LocalDate.now().toString(), deployment(), SEED, List.copyOf(faultsDone), RATE,
                loaded.toSeconds(),
                byId.size(), load.answers(), load.refused().stream().map(Object::toString).toList(), byDialect,
                outcome.lost().stream().sorted().toList(), stuck, duplicateMessages, secondSends, inDoubt,
                beyondInDoubt, failovers, falseFailovers, afterTimeLimit, onRoutesWithout, missingFailovers,
                secondFailovers, webhooks.expected(), webhooks.missing(), outOfPlace, webhooks.redelivered(),
                callbacks.delivered(),
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

    /** An event as the hubs' database has it once they have stopped: its message, type and place in the timeline. */
    private record EventRow(String messageId, String type, long sequence) {
    }

    private List<EventRow> events() throws SQLException {
        return stack.query("SELECT message_id, type, sequence FROM message_events", rows -> new EventRow(
                rows.getString(1), rows.getString(2), rows.getLong(3)));
    }

    /**
     * The order every hub gives a message's events: the timelines whose places are not 1, 2, 3 … one event each, and
     * the webhooks whose {@code data.sequence} is not the place of their event in their message's timeline.
     */
    private List<String> outOfPlace(Set<String> messageIds, List<EventRow> events) {
        Map<String, Map<Long, Set<String>>> timelines = new HashMap<>();
        events.stream().filter(event -> messageIds.contains(event.messageId())).forEach(event -> timelines
                .computeIfAbsent(event.messageId(), id -> new TreeMap<>())
                .computeIfAbsent(event.sequence(), place -> new HashSet<>()).add(event.type()));
        List<String> outOfPlace = new ArrayList<>();
        timelines.forEach((messageId, places) -> {
            long expected = 1;
            for (Map.Entry<Long, Set<String>> place : places.entrySet()) {
                if (place.getKey() != expected++ || place.getValue().size() != 1) {
                    outOfPlace.add(messageId + " timeline places " + places);
                    break;
                }
            }
        });
        for (WebhookReceiver.Received webhook : receiver.received()) {
            JsonNode payload = webhook.json();
            String messageId = payload.path("data").path("message_id").asText();
            long place = payload.path("data").path("sequence").asLong();
            String event = payload.path("event").asText();
            if (webhook.answeredWith() < 300 && messageIds.contains(messageId) && !timelines
                    .getOrDefault(messageId, Map.of()).getOrDefault(place, Set.of()).contains(event)) {
                outOfPlace.add(messageId + " " + event + " webhook at " + place + ", the timeline "
                        + timelines.get(messageId));
            }
        }
        return outOfPlace;
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
}
