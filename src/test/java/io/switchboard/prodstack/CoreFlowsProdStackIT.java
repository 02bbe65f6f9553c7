package io.switchboard.prodstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.AtOnce;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.WebhookReceiver;
import io.switchboard.testing.prodstack.CarrierLedger;
import io.switchboard.testing.prodstack.ProdStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The core flows on the production stack: the packaged hub in the prod profile, its secrets from the environment, on
 * a standalone Artemis and PostgreSQL 16, sending through sandbox carriers in a process of their own. Every client
 * dialect through every carrier, RCS failing over to SMS, signed webhooks, one message for one Idempotency-Key sent
 * concurrently, and a hub killed -9 and started again on the same broker and database.
 */
class CoreFlowsProdStackIT {

    private static final Path DIRECTORY = Path.of("target", "prod-stack", "core-flows-" + UUID.randomUUID());

    private static ProdStack stack;
    private static ExampleMessages.Credentials tenant;
    private static WebhookReceiver receiver;
    private static String webhookSecret;

    @BeforeAll
    static void startTheStackAndSubscribe() {
        stack = ProdStack.start(DIRECTORY);
        tenant = new ExampleMessages.Credentials(stack.tenant().v1Authorization(),
                stack.tenant().v5Authorization(), stack.tenant().pinnacleApiKey());
        receiver = new WebhookReceiver();
        HubClient.Response subscribed = hub().postJson("/v1/webhooks", Map.of("url", receiver.url(),
                "events", List.of("message.sent", "message.delivered", "message.failover")),
                "Authorization", tenant.v1Authorization());
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        webhookSecret = subscribed.json().path("secret").asText();
    }

    @AfterAll
    static void stopTheStack() {
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest(name = "{0} client through the {1} carrier")
    @MethodSource("io.switchboard.testing.ExampleMessages#everyClientThroughEveryCarrier")
    void shouldCarryEveryClientDialectThroughEveryCarrierToASignedWebhook(String client, String carrier,
            String recipient) {
        String messageId = ExampleMessages.send(hub(), tenant, client, recipient);

        eventually().until(() -> timeline(messageId).contains("delivered"));
        JsonNode send = ledger().received(recipient).stream().filter(request -> request.path("status").asInt() < 300)
                .reduce((first, second) -> {
                    throw new AssertionError("Two accepted sends to " + recipient + ": " + first + ", " + second);
                }).orElseThrow();
        assertThat(send.path("carrier").asText()).isEqualTo("sandbox-" + carrier);
        assertThat(ledger().legs().get(send.path("leg").asText()))
                .isEqualTo(new SandboxLedger.LegTally("sandbox-" + carrier, 1, 1));
        eventually().until(() -> receiver.about(messageId, "message.delivered").size() == 1);
        assertVerifiable(receiver.about(messageId, "message.delivered").get(0));
    }

    @ParameterizedTest(name = "RCS to {0}")
    // …00: the v5 carrier refuses RCS at once; …01: it accepts, then reports it failed
    @ValueSource(strings = {"+15550900100", "+15550900101"})
    void shouldFailRcsOverToOneSmsThroughChannels(String recipient) {
        String messageId = ExampleMessages.send(hub(), tenant, "v1", recipient);

        eventually().until(() -> timeline(messageId).contains("delivered"));
        assertThat(timeline(messageId)).containsSubsequence("queued", "failover", "sent", "delivered")
                .containsOnlyOnce("failover");
        assertThat(ledger().received(recipient)).extracting(request -> request.path("carrier").asText())
                .containsExactly("sandbox-v5", "sandbox-channels");
        assertThat(ledger().legs().get(messageId + "-2"))
                .isEqualTo(new SandboxLedger.LegTally("sandbox-channels", 1, 1));
        eventually().until(() -> receiver.about(messageId, "message.failover").size() == 1);
        assertVerifiable(receiver.about(messageId, "message.failover").get(0));
    }

    @Test
    void shouldAcceptOneMessageForOneIdempotencyKeySentConcurrently() throws SQLException {
        String recipient = "+15550900210";
        String key = UUID.randomUUID().toString();
        ObjectNode request = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        request.put("to", recipient);
        List<HubClient.Response> answers = AtOnce.call(8, client -> hub().postJson("/v1/messages", request,
                "Authorization", tenant.v1Authorization(), "Idempotency-Key", key));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(202));
        assertThat(answers).extracting(answer -> answer.json().path("message_id").asText()).containsOnly(
                answers.get(0).json().path("message_id").asText());
        String messageId = answers.get(0).json().path("message_id").asText();
        eventually().until(() -> timeline(messageId).contains("delivered"));
        assertThat(ledger().received(recipient)).hasSize(1);
        try (Connection database = stack.database().connect(); PreparedStatement messages = database.prepareStatement(
                "SELECT COUNT(*) FROM messages WHERE idempotency_key = ?")) {
            messages.setString(1, key);
            ResultSet count = messages.executeQuery();
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).as("rows in PostgreSQL for the key").isEqualTo(1);
        }
    }

    @Test
    void shouldRecordInPostgresAndQueueOnTheStandaloneBroker() throws SQLException {
        String messageId = ExampleMessages.send(hub(), tenant, "v1", "+15550900310");

        eventually().until(() -> timeline(messageId).contains("delivered"));
        try (Connection database = stack.database().connect(); PreparedStatement status = database.prepareStatement(
                "SELECT status FROM messages WHERE id = ?")) {
            status.setString(1, messageId);
            ResultSet row = status.executeQuery();
            assertThat(row.next()).as("the message row in PostgreSQL").isTrue();
            assertThat(row.getString("status")).isEqualTo("delivered");
        }
        assertThat(((Number) stack.broker().managementAttribute(ResourceNames.QUEUE + "switchboard.outbound",
                "messagesAdded")).longValue()).as("messages the hub put on the standalone broker").isPositive();
    }

    @Test
    void shouldDeliverAMessageInFlightWhenTheHubIsKilledAndStartedAgain() {
        // a v1 carrier: a send the kill leaves unanswered is sent again under the same Idempotency-Key
        String recipient = "+15557200910";
        String messageId = ExampleMessages.send(hub(), tenant, "v1", recipient);
        eventually().until(() -> !ledger().received(recipient).isEmpty());

        stack.hub().kill();
        stack.hub().start();

        eventually().until(() -> timeline(messageId).contains("delivered"));
        String leg = ledger().received(recipient).get(0).path("leg").asText();
        assertThat(ledger().legs().get(leg).sends()).as("sends of the leg in flight").isEqualTo(1);
        assertThat(ledger().callbacks().givenUp()).isZero();
    }

    private static void assertVerifiable(WebhookReceiver.Received webhook) {
        assertThatCode(() -> new Webhook(webhookSecret).verify(webhook.body(), webhook.headers()))
                .as("the Standard Webhooks library accepts the signature").doesNotThrowAnyException();
    }

    private static HubClient hub() {
        return stack.hub().client();
    }

    private static CarrierLedger ledger() {
        return stack.carriers().ledger();
    }

    private static List<String> timeline(String messageId) {
        return hub().get("/v1/messages/" + messageId, "Authorization", tenant.v1Authorization()).json()
                .path("events").findValuesAsText("type");
    }

    /** Awaitility with room for a loaded CI machine; nothing here sleeps a fixed time. */
    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }
}
