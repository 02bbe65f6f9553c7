package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.model.Dialect;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.model.TextContent;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accepting messages: idempotency keys, scheduled sends, revoking, and the per-tenant request rate. */
class AcceptanceIntegrationTest extends HubIntegrationTest {

    @Autowired
    private SandboxLedger sandbox;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ProducerTemplate camel;

    private static ObjectNode body(String recipient) {
        ObjectNode body = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        body.put("to", recipient);
        return body;
    }

    private HubClient.Response send(ObjectNode body, String key) {
        return hub().postJson("/v1/messages", body, "Authorization", V1_KEY, "Idempotency-Key", key);
    }

    private long carrierSends(String recipient) {
        return sandbox.entries().stream().filter(entry -> entry.recipient().equals(recipient.substring(1))
                && entry.accepted()).count();
    }

    private long messagesWithKey(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM messages WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single();
    }

    @Test
    void shouldAnswerARepeatedKeyWithTheOriginalResponseAndSendOnce() {
        String key = UUID.randomUUID().toString();
        HubClient.Response first = send(body("+15550300042"), key);

        HubClient.Response again = send(body("+15550300042"), key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(messagesWithKey(key)).isEqualTo(1);
        String messageId = first.json().path("message_id").asText();
        eventually().until(() -> timeline(messageId).contains("delivered"));
        eventually().during(Duration.ofMillis(500)).until(() -> carrierSends("+15550300042"), sends -> sends == 1);
    }

    @Test
    void shouldRefuseTheSameKeyWithADifferentRequest() {
        String key = UUID.randomUUID().toString();
        assertThat(send(body("+15550300142"), key).status()).isEqualTo(202);

        HubClient.Response reused = send(body("+15550300143"), key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("error").asText()).isEqualTo("idempotency_key_reused");
        assertThat(messagesWithKey(key)).isEqualTo(1);
    }

    @Test
    void shouldCreateOneMessageWhenRequestsWithTheSameKeyRace() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HubClient.Response>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> send(body("+15550300242"), key));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<HubClient.Response> answer : clients.invokeAll(requests)) {
                assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(202);
                answers.add(answer.get().json());
            }
            assertThat(answers).extracting(answer -> answer.path("message_id").asText()).containsOnly(
                    answers.get(0).path("message_id").asText());
        } finally {
            clients.shutdownNow();
        }
        assertThat(messagesWithKey(key)).isEqualTo(1);
        eventually().during(Duration.ofMillis(500)).until(() -> carrierSends("+15550300242"), sends -> sends == 1);
    }

    @Test
    void shouldRefuseAnOverlongKeyInTheDialectsShape() {
        HubClient.Response refused = send(body("+15550300742"), "k".repeat(256));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("details").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void shouldScopeKeysToTheirTenant() {
        String key = UUID.randomUUID().toString();
        String mine = send(body("+15550300342"), key).json().path("message_id").asText();

        HubClient.Response theirs = hub().postJson("/v1/messages", body("+15550300342"),
                "Authorization", OTHER_TENANT_V1_KEY, "Idempotency-Key", key);

        assertThat(theirs.status()).isEqualTo(202);
        assertThat(theirs.json().path("message_id").asText()).isNotEqualTo(mine);
    }

    @Test
    void shouldHoldAScheduledMessageOnTheBrokerUntilItsSendTime() {
        Instant sendAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Message message = accept(scheduled("+15550300442", sendAt));

        eventually().until(() -> Instant.now().isAfter(sendAt.minusMillis(300)));
        assertThat(carrierSends("+15550300442")).as("nothing sent before the send time").isZero();
        eventually().until(() -> timeline(message.id()).contains("delivered"));
        Instant sentAt = Instant.parse(status(message.id()).path("events").get(1).path("at").asText());
        assertThat(sentAt).isAfterOrEqualTo(sendAt);
    }

    @Test
    void shouldRevokeAScheduledMessageSoThatItIsNeverSent() {
        Instant sendAt = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        Message message = accept(scheduled("+15550300542", sendAt));

        HubClient.Response revoked = hub().delete("/v1/messages/" + message.id(), "Authorization", V1_KEY);

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("id").asText()).isEqualTo(message.id());
        assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revoked_at").asText()).isNotEmpty();
        eventually().until(() -> Instant.now().isAfter(sendAt.plusMillis(800)));
        eventually().during(Duration.ofMillis(300)).until(() -> timeline(message.id()),
                List.of("queued", "revoked")::equals);
        assertThat(status(message.id()).path("status").asText()).isEqualTo("revoked");
        assertThat(carrierSends("+15550300542")).isZero();
        assertThat(hub().delete("/v1/messages/" + message.id(), "Authorization", V1_KEY).status()).isEqualTo(404);
    }

    @Test
    void shouldNotRevokeAMessageThatWasSentOrIsUnknown() {
        String messageId = send(body("+15550300642"), UUID.randomUUID().toString()).json().path("message_id").asText();
        eventually().until(() -> timeline(messageId).contains("delivered"));

        HubClient.Response tooLate = hub().delete("/v1/messages/" + messageId, "Authorization", V1_KEY);

        assertThat(tooLate.status()).isEqualTo(404);
        assertThat(tooLate.json().path("error").asText()).isEqualTo("not_found");
        assertThat(hub().delete("/v1/messages/msg_unknown", "Authorization", V1_KEY).status()).isEqualTo(404);
        assertThat(hub().delete("/v1/messages/" + messageId, "Authorization", OTHER_TENANT_V1_KEY).status())
                .isEqualTo(404);
    }

    @Test
    void shouldTellATenantOverItsRateWhenToRetry() {
        List<HubClient.Response> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            burst.add(hub().get("/v1/messages/msg_unknown", "Authorization", OTHER_TENANT_V1_KEY));
        }

        List<HubClient.Response> limited = burst.stream().filter(response -> response.status() == 429).toList();
        assertThat(limited).as("the test tenant may make 3 requests a second").isNotEmpty();
        assertThat(burst.stream().filter(response -> response.status() == 404)).isNotEmpty();
        JsonNode error = limited.get(0).json();
        assertThat(error.path("error").asText()).isEqualTo("rate_limited");
        assertThat(error.path("retry_after").asLong()).isBetween(1L, 1L);
        assertThat(limited.get(0).header("Retry-After")).isEqualTo("1");
    }

    private Message accept(Message message) {
        return camel.requestBody("direct:accept-message", message, Message.class);
    }

    private static Message scheduled(String recipient, Instant sendAt) {
        return new Message(Ids.messageId(), "demo", Dialect.V1, null, "ag_live_demo", recipient,
                new TextContent("Scheduled hello", List.of()), null, null, null, sendAt,
                Map.of("v1.traffic_type", "TRANSACTION"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
