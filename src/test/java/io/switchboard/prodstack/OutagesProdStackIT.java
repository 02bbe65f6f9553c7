package io.switchboard.prodstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.prodstack.ProdStack;
import io.switchboard.testing.prodstack.Settlement;
import io.switchboard.testing.prodstack.SteadyLoad;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outage suite on the production stack: the packaged hub on a standalone Artemis and PostgreSQL 16, carriers in
 * their own process, each part taken away under load and given back, the hub never restarted. Whatever the hub
 * accepted is delivered afterwards, every refusal meanwhile is a 503 with Retry-After, and readiness names the part
 * that is missing. {@code -Dswitchboard.outage.carrier-down} and {@code -Dswitchboard.outage.database-down} (ISO-8601
 * durations, 30 s by default) set how long the carriers and the database stay away.
 */
class OutagesProdStackIT {

    private static final Logger LOG = LoggerFactory.getLogger(OutagesProdStackIT.class);
    private static final Path DIRECTORY = Path.of("target", "prod-stack", "outages-" + UUID.randomUUID());
    private static final Duration CARRIER_DOWN = Duration.parse(System.getProperty(
            "switchboard.outage.carrier-down", "PT15S"));
    private static final Duration DATABASE_DOWN = Duration.parse(System.getProperty(
            "switchboard.outage.database-down", "PT15S"));
    private static final int RATE = 20;
    /** Routes to each carrier with no failover (the stack's routing.yaml), ending in the sandbox's plain row. */
    private static final List<SteadyLoad.Kind> MIX = List.of("v1", "v5", "pinnacle").stream()
            .flatMap(dialect -> List.of("+1555710", "+1555720", "+1555730", "+1555740").stream()
                    .map(prefix -> new SteadyLoad.Kind(dialect, prefix, "10")))
            .toList();

    private static ProdStack stack;
    private static ExampleMessages.Credentials tenant;
    private SteadyLoad load;

    @BeforeAll
    static void startTheStack() {
        stack = ProdStack.start(DIRECTORY);
        tenant = new ExampleMessages.Credentials(stack.tenant().v1Authorization(),
                stack.tenant().v5Authorization(), stack.tenant().pinnacleApiKey());
    }

    /** Whatever a test took away and did not give back (it failed on the way) is back for the next one. */
    @AfterEach
    void restoreTheStack() {
        if (load != null) {
            load.close();
        }
        if (!stack.broker().isRunning()) {
            stack.broker().start();
        }
        if (!stack.database().isRunning()) {
            stack.database().start();
        }
        if (!stack.carriers().isRunning()) {
            stack.carriers().start();
        }
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldHoldEveryMessageWhileTheCarriersAreDownAndSendEachOnceWhenTheyAreBack() {
        long hubPid = stack.hub().pid();
        // callbacks the carriers still hold are about earlier tests' messages, all delivered; a leg resent in doubt
        // leaves one about a carrier id the hub never recorded, which it never takes, so none is waited for
        stack.carriers().stop();
        load = SteadyLoad.start(hub(), tenant, MIX, RATE);

        eventually().until(() -> openBreakers() > 0);
        // the hub itself is fine: it takes messages and stays ready while no carrier answers
        Awaitility.await("the carriers' outage").during(CARRIER_DOWN).atMost(CARRIER_DOWN.plusSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> stack.hub().readiness().status() == 200);
        load.finish();
        stack.carriers().start();

        List<SteadyLoad.Accepted> accepted = load.accepted();
        assertEverythingDelivered(accepted, hubPid);
        // the carriers' ledger started empty with them: every send it counts came after the outage
        assertThat(stack.carriers().ledger().legs().values()).as("sends per leg after the outage")
                .allSatisfy(leg -> assertThat(leg.sends()).isLessThanOrEqualTo(1));
        assertThat(stack.carriers().ledger().legs().values().stream().mapToInt(leg -> leg.sends()).sum())
                .as("legs sent").isEqualTo(accepted.size());
        LOG.info("Carriers down {}: {} messages accepted meanwhile, all delivered after, answers {}", CARRIER_DOWN,
                accepted.size(), load.answers());
    }

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAndResumeWithoutARestart() {
        long hubPid = stack.hub().pid();
        load = SteadyLoad.start(hub(), tenant, MIX, RATE);
        load.awaitAcceptedMore(RATE * 2L);

        stack.broker().kill();
        eventually().until(() -> componentStatus("jms").equals("DOWN"));
        int refusedBefore = load.answers().getOrDefault("503", 0);
        eventually().until(() -> load.answers().getOrDefault("503", 0) > refusedBefore + RATE);
        stack.broker().start();
        eventually().until(() -> stack.hub().readiness().status() == 200);
        load.awaitAcceptedMore(RATE * 2L);
        load.finish();

        assertEverythingDelivered(load.accepted(), hubPid);
        LOG.info("Broker killed and restarted: {} messages accepted around it, all delivered, answers {}",
                load.accepted().size(), load.answers());
    }

    @Test
    void shouldAnswer503WhileTheDatabaseIsDownAndRecoverAlone() throws SQLException {
        long hubPid = stack.hub().pid();
        load = SteadyLoad.start(hub(), tenant, MIX, RATE);
        load.awaitAcceptedMore(RATE * 2L);

        stack.database().stop();
        eventually().until(() -> componentStatus("db").equals("DOWN"));
        Awaitility.await("the database's outage").during(DATABASE_DOWN).atMost(DATABASE_DOWN.plusSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> componentStatus("db").equals("DOWN"));
        stack.database().start();
        eventually().until(() -> stack.hub().readiness().status() == 200);
        load.awaitAcceptedMore(RATE * 2L);
        load.finish();

        assertThat(load.answers()).as("refused while the database was down").containsKey("503");
        assertEverythingDelivered(load.accepted(), hubPid);
        assertThat(halfWrittenMessages()).as("messages without a leg or without their queued event").isEmpty();
        LOG.info("Database down {}: {} messages accepted around it, all delivered, answers {}", DATABASE_DOWN,
                load.accepted().size(), load.answers());
    }

    @Test
    void shouldRefuseEveryDialectCleanlyWhileTheBrokerDiskIsFull() throws SQLException {
        stack.broker().stop();
        // a limit below what the disk already holds: Artemis counts the disk as full and blocks every producer
        stack.broker().maxDiskUsage(1).start();
        try {
            eventually().until(() -> componentStatus("brokerDisk").equals("OUT_OF_SERVICE"));
            HubClient.Response details = hub().get("/actuator/health/readiness", "Authorization",
                    stack.operatorAuthorization());
            assertThat(details.json().path("components").path("brokerDisk").path("details").path("reason").asText())
                    .as(details.toString()).contains("max-disk-usage");
            for (String dialect : List.of("v1", "v5", "pinnacle")) {
                String recipient = "+155572099" + List.of("v1", "v5", "pinnacle").indexOf(dialect) + "10";
                ExampleMessages.Request request = ExampleMessages.request(tenant, dialect, recipient);
                HubClient.Response refused = request.send(hub(), "Idempotency-Key", UUID.randomUUID().toString());
                assertThat(refused.status()).as(dialect + ": " + refused).isEqualTo(503);
                assertThat(refused.header("Retry-After")).as(dialect + " Retry-After").isNotBlank();
                assertThat(messagesTo(recipient)).as(dialect + ": rows for a refused message").isZero();
            }
        } finally {
            stack.broker().stop();
            stack.broker().maxDiskUsage(90).start();
        }
        eventually().until(() -> stack.hub().readiness().status() == 200);
        String delivered = ExampleMessages.send(hub(), tenant, "v1", "+15557209910");
        assertThat(Settlement.await(hub(), tenant.v1Authorization(), List.of(delivered), Duration.ofMinutes(1))
                .settled()).as("a message once the disk has room").containsKey(delivered);
    }

    private static int messagesTo(String recipient) throws SQLException {
        return stack.query("SELECT COUNT(*) FROM messages WHERE recipient = ?", rows -> rows.getInt(1), recipient)
                .get(0);
    }

    private void assertEverythingDelivered(List<SteadyLoad.Accepted> accepted, long hubPid) {
        assertThat(accepted).as("messages accepted").isNotEmpty();
        assertThat(load.refused()).as("requests refused for good").isEmpty();
        assertThat(load.answers().keySet()).as("answers on the way")
                .isSubsetOf("200", "202", "429", "503", SteadyLoad.NO_ANSWER);
        Settlement settlement = Settlement.await(hub(), tenant.v1Authorization(), SteadyLoad.messageIds(accepted),
                Duration.ofMinutes(2));
        assertThat(settlement.lost()).as("accepted, then unknown to the hub").isEmpty();
        assertThat(settlement.unsettled()).as("accepted, then not delivered").isEmpty();
        assertThat(stack.hub().pid()).as("the hub process, never restarted").isEqualTo(hubPid);
    }

    /** How many carrier breakers are open, from the hub's metrics. */
    private static double openBreakers() {
        HubClient.Response gauge = hub().get("/actuator/metrics/resilience4j.circuitbreaker.state?tag=state:open",
                "Authorization", stack.operatorAuthorization());
        return gauge.status() == 200 ? gauge.json().path("measurements").path(0).path("value").asDouble() : 0;
    }

    private static String componentStatus(String component) {
        return stack.hub().readiness().json().path("components").path(component).path("status").asText();
    }

    /** Messages the database holds only in part: no leg, or no {@code queued} event in the timeline. */
    private static List<String> halfWrittenMessages() throws SQLException {
        return stack.query("SELECT m.id FROM messages m WHERE NOT EXISTS (SELECT 1 FROM message_legs l WHERE "
                + "l.message_id = m.id) OR NOT EXISTS (SELECT 1 FROM message_events e WHERE e.message_id = m.id "
                + "AND e.type = 'message.queued')", rows -> rows.getString(1));
    }

    private static HubClient hub() {
        return stack.hub().client();
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions();
    }
}
