package io.switchboard.prodstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.testing.AtOnce;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.prodstack.ClusterStack;
import io.switchboard.testing.prodstack.Deployment;
import io.switchboard.testing.prodstack.HubProcess;
import io.switchboard.testing.prodstack.SteadyLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two hubs over a replicated Artemis pair and one PostgreSQL ({@link ClusterStack}, docs/scale-out.md) keep the
 * promises one hub keeps: one Idempotency-Key sent to both at once makes one message; a routing file's change reaches
 * both; a dead letter is replayed from the hub that did not send it. Last, the crash suite's load across both hubs
 * through a {@code kill -9} of one hub and then of the primary broker: nothing lost or stuck, no leg sent twice, one
 * failover per message where the RCS time limit ran out (scheduled on the primary, fired by the backup), every webhook
 * at its place in the timeline; the hub that was killed starts again while the primary is still down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProdStackIT extends CrashSuite {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterProdStackIT.class);
    private static final Path DIRECTORY = Path.of("target", "prod-stack", "cluster-" + UUID.randomUUID())
            .toAbsolutePath();
    private static final String OUTBOUND = "switchboard.outbound";
    /** A v1 number the production stack's routing sends to the v1 carrier, without failover. */
    private static final String V1_CARRIER_PREFIX = "+1555720";

    private static ClusterStack cluster;
    private static Path routing;

    private static synchronized ClusterStack cluster() {
        if (cluster == null) {
            try {
                routing = routingWithShortTimeLimit(DIRECTORY);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            // the routing file is read again every second, so a change is seen at once by every hub
            cluster = ClusterStack.start(DIRECTORY, 2, Map.of("SWITCHBOARD_ROUTING_FILE", "file:" + routing,
                    "SWITCHBOARD_ROUTING_RELOAD_PERIOD", "1s"));
        }
        return cluster;
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void shouldMakeOneMessageOfOneIdempotencyKeySentToBothHubsAtOnce() throws SQLException {
        String recipient = V1_CARRIER_PREFIX + "0900110";
        String key = UUID.randomUUID().toString();
        ObjectNode request = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        request.put("to", recipient);
        List<HubClient.Response> answers = AtOnce.call(16, client -> hub(client % 2).postJson("/v1/messages",
                request, "Authorization", v1Authorization(), "Idempotency-Key", key));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(202));
        String messageId = answers.get(0).json().path("message_id").asText();
        assertThat(answers).extracting(answer -> answer.json().path("message_id").asText()).containsOnly(messageId);
        eventually().until(() -> timeline(messageId).contains("delivered"));
        assertThat(cluster().query("SELECT COUNT(*) FROM messages WHERE idempotency_key = ?", row -> row.getInt(1),
                key)).as("rows in PostgreSQL for the key").containsExactly(1);
        assertThat(cluster().carriers().ledger().received(recipient)).as("sends to the carrier").hasSize(1);
    }

    @Test
    @Order(2)
    void shouldRouteByAChangedRoutingFileOnEveryHub() throws IOException {
        String shipped = Files.readString(routing);
        Files.writeString(routing, shipped.replace("rules:\n", """
                rules:
                  - id: cluster-reload
                    match:
                      recipient-prefix: ["+1555750"]
                    carrier: pinnacle
                    failover: {mode: none}
                """));
        try {
            for (int hub = 0; hub < 2; hub++) {
                HubClient client = hub(hub);
                eventually().until(() -> client.get("/actuator/routing", "Authorization",
                        cluster().operatorAuthorization()).json().path("rules").get(0).path("id").asText(),
                        "cluster-reload"::equals);
            }
            for (int hub = 0; hub < 2; hub++) {
                String recipient = "+1555750090%d210".formatted(hub);
                String messageId = sendV1(hub(hub), recipient);
                eventually().until(() -> timeline(messageId).contains("delivered"));
                assertThat(cluster().carriers().ledger().received(recipient))
                        .extracting(send -> send.path("carrier").asText()).as("the carrier hub %d sent to", hub)
                        .containsExactly("sandbox-pinnacle");
            }
        } finally {
            Files.writeString(routing, shipped);
        }
        for (int hub = 0; hub < 2; hub++) {
            HubClient client = hub(hub);
            eventually().until(() -> client.get("/actuator/routing", "Authorization",
                    cluster().operatorAuthorization()).json().path("rules").get(0).path("id").asText(),
                    id -> !id.equals("cluster-reload"));
        }
    }

    @Test
    @Order(3)
    void shouldReplayADeadLetterFromTheOtherHub() {
        String queue = ResourceNames.QUEUE + OUTBOUND;
        var broker = cluster().brokers().active();
        // the queue holds the message instead of handing it to a hub, as long as a dispatch that kept failing would
        broker.managementOperation(queue, "pause");
        String messageId;
        try {
            messageId = sendV1(hub(0), V1_CARRIER_PREFIX + "0900310");
            eventually().until(() -> ((Number) broker.managementAttribute(queue, "messageCount")).intValue() == 1);
            assertThat(((Number) broker.managementOperation(queue, "sendMessagesToDeadLetterAddress", (Object) null))
                    .intValue()).as("messages moved to the dead-letter queue").isEqualTo(1);
        } finally {
            broker.managementOperation(queue, "resume");
        }

        HubClient other = hub(1);
        JsonNode letters = eventually().until(() -> other.get("/actuator/deadletters", "Authorization",
                cluster().operatorAuthorization()).json(), listed -> listed.findValuesAsText("messageId")
                .contains(messageId));
        JsonNode letter = letters.findParents("messageId").stream()
                .filter(entry -> entry.path("messageId").asText().equals(messageId)).findFirst().orElseThrow();
        assertThat(letter.path("originalQueue").asText()).isEqualTo(OUTBOUND);
        HubClient.Response replayed = other.postJson("/actuator/deadletters/" + letter.path("id").asText(),
                new byte[0], "Authorization", cluster().operatorAuthorization());

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        eventually().until(() -> timeline(messageId).contains("delivered"));
        assertThat(other.get("/actuator/deadletters", "Authorization", cluster().operatorAuthorization()).json()
                .findValuesAsText("messageId")).doesNotContain(messageId);
    }

    @Test
    @Order(4)
    @Override
    void shouldKeepEveryAcceptedMessageAndSendItOnceWhenKilledUnderLoad() throws Exception {
        super.shouldKeepEveryAcceptedMessageAndSendItOnceWhenKilledUnderLoad();
    }

    @Override
    String deployment() {
        return "cluster";
    }

    @Override
    Deployment deploy(Path directory, Path routingFile) {
        return cluster();
    }

    /** RCS to numbers ending in 02 is never reported delivered, so each such message fails over at its time limit. */
    @Override
    Set<String> timeLimitRows() {
        return Set.of("02");
    }

    /**
     * Kills one hub under load, then the primary broker, while the other hub carries on and time limits wait on the
     * primary.
     */
    @Override
    void faults(SteadyLoad load) {
        load.awaitAcceptedMore(RATE * 5L);
        HubProcess killed = cluster().hubs().get(0);
        killed.kill();
        faultsDone.add("hub on port " + killed.port() + " killed under load, " + load.acceptedSoFar()
                + " accepted so far");
        LOG.info("Killed the hub on port {} under load", killed.port());
        load.awaitAcceptedMore(RATE * 5L);
        Duration takeOver = cluster().brokers().killPrimary();
        faultsDone.add("primary broker killed, " + load.acceptedSoFar() + " accepted so far; the backup active after "
                + takeOver.toMillis() + " ms");
        LOG.info("Killed the primary broker; the backup took over in {} ms", takeOver.toMillis());
        load.awaitAcceptedMore(RATE * 5L);
    }

    /** The killed hub starts again, naming the primary first, and finds the backup active. */
    @Override
    void afterLoad() {
        HubProcess killed = cluster().hubs().get(0);
        killed.start();
        restarts.add(killed.lastStartup());
        faultsDone.add("hub on port " + killed.port() + " started again while the primary is down");
    }

    private static HubClient hub(int index) {
        return cluster().hubs().get(index).client();
    }

    private static String v1Authorization() {
        return cluster().tenant().v1Authorization();
    }

    private static String sendV1(HubClient hub, String recipient) {
        ObjectNode request = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        request.put("to", recipient);
        HubClient.Response accepted = hub.postJson("/v1/messages", request, "Authorization", v1Authorization());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().path("message_id").asText();
    }

    private static List<String> timeline(String messageId) {
        return cluster().client().get("/v1/messages/" + messageId, "Authorization", v1Authorization()).json()
                .path("events").findValuesAsText("type");
    }

    /** Awaitility with room for a loaded CI machine; nothing here sleeps a fixed time. */
    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200));
    }
}
