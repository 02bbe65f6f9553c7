package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubIntegrationTest;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/** A legacy system putting messages on switchboard.ingress, with and without a reply-to queue. */
class JmsIngressIntegrationTest extends HubIntegrationTest {

    private static final String INGRESS = "switchboard.ingress";
    private static final String INVALID = "switchboard.ingress.invalid";

    @Autowired
    private ConnectionFactory connectionFactory;

    @Autowired
    private JdbcClient jdbc;

    private JmsTemplate jms;

    @BeforeEach
    void client() {
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(15_000);
    }

    private static String v1Body(String recipient) {
        return new String(Fixtures.bytes("v1/send-text-with-suggestions.json"), StandardCharsets.UTF_8)
                .replace("+4917612345678", recipient);
    }

    private Message request(String body, String dialect, String credential, String key) {
        return jms.sendAndReceive(INGRESS, session -> {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("SwitchboardDialect", dialect);
            message.setStringProperty("SwitchboardCredential", credential);
            if (key != null) {
                message.setStringProperty("SwitchboardIdempotencyKey", key);
            }
            return message;
        });
    }

    private static JsonNode json(Message reply) throws Exception {
        assertThat(reply).as("a reply arrived").isNotNull();
        return Fixtures.MAPPER.readTree(((TextMessage) reply).getText());
    }

    @Test
    void shouldAcceptAV1MessageAndReplyInTheV1Shape() throws Exception {
        Message reply = request(v1Body("+15550400042"), "v1", V1_KEY, null);

        JsonNode answer = json(reply);
        assertThat(reply.getIntProperty("SwitchboardStatus")).isEqualTo(202);
        assertThat(answer.path("status").asText()).isEqualTo("queued");
        String messageId = answer.path("message_id").asText();
        assertThat(messageId).startsWith("msg_");
        assertThat(reply.propertyExists("SwitchboardCredential")).as("the credential never travels back").isFalse();
        eventually().until(() -> timeline(messageId).contains("delivered"));
    }

    @Test
    void shouldReplyWithTheDialectsErrorAndEnqueueNothing() throws Exception {
        long before = messagesAdded("switchboard.outbound");

        Message refused = request("{\"to\":\"12\",\"agent_id\":\"ag\",\"traffic_type\":\"NOPE\",\"content\":{}}", "v1",
                V1_KEY, null);

        JsonNode error = json(refused);
        assertThat(refused.getIntProperty("SwitchboardStatus")).isEqualTo(400);
        assertThat(error.path("error").asText()).isEqualTo("validation_error");
        assertThat(error.path("details").findValuesAsText("field"))
                .containsExactly("to", "traffic_type", "content.text");
        Message unauthenticated = request(v1Body("+15550400043"), "v1", "Bearer nope", null);
        assertThat(unauthenticated.getIntProperty("SwitchboardStatus")).isEqualTo(401);
        assertThat(json(unauthenticated).path("error").asText()).isEqualTo("unauthorized");
        assertThat(messagesAdded("switchboard.outbound")).isEqualTo(before);
    }

    @Test
    void shouldParkAnInvalidMessageWithoutReplyToWithItsErrors() throws Exception {
        String marker = UUID.randomUUID().toString();
        String body = "{\"agent_id\":\"" + marker + "\"}";
        jms.send(INGRESS, session -> {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("SwitchboardDialect", "v1");
            message.setStringProperty("SwitchboardCredential", V1_KEY);
            return message;
        });

        Message parked = jms.receiveSelected(INVALID, "SwitchboardDialect = 'v1'");

        assertThat(parked).isNotNull();
        assertThat(((TextMessage) parked).getText()).isEqualTo(body);
        assertThat(parked.getIntProperty("SwitchboardStatus")).isEqualTo(400);
        JsonNode errors = Fixtures.MAPPER.readTree(parked.getStringProperty("SwitchboardErrors"));
        assertThat(errors.path("details").findValuesAsText("field")).contains("to", "traffic_type", "content");
        assertThat(parked.propertyExists("SwitchboardCredential")).isFalse();
    }

    @Test
    void shouldAcceptAPinnacleSmsAndReplyInThePinnacleShape() throws Exception {
        Message reply = jms.sendAndReceive(INGRESS, session -> {
            TextMessage message = session.createTextMessage(
                    "{\"from\":\"+14155164736\",\"to\":\"+14154746461\",\"text\":\"Hey from JMS\"}");
            message.setStringProperty("SwitchboardDialect", "pinnacle");
            message.setStringProperty("SwitchboardEndpoint", "sms");
            message.setStringProperty("SwitchboardCredential", "sk_dev_pinnacle");
            return message;
        });

        JsonNode answer = json(reply);
        assertThat(reply.getIntProperty("SwitchboardStatus")).isEqualTo(200);
        assertThat(answer.path("messageId").asText()).startsWith("msg_");
        assertThat(answer.path("segments").path("encoding").asText()).isEqualTo("gsm7");
    }

    @Test
    void shouldAcceptAV5MessageAndReplyInTheV5Shape() throws Exception {
        String body = new String(Fixtures.bytes("v5/seed/rcs-text.json"), StandardCharsets.UTF_8);

        Message reply = request(body, "v5", "Basic ZGV2OnNrX2Rldl92NQ==", null);

        JsonNode answer = json(reply);
        assertThat(reply.getIntProperty("SwitchboardStatus")).isEqualTo(200);
        assertThat(answer.path("status").asText()).isEqualTo("success");
        assertThat(answer.path("data").path("results").get(0).path("messageGUID").asText()).startsWith("msg_");
    }

    @Test
    void shouldParkAMessageInADialectTheHubDoesNotSpeak() throws Exception {
        jms.send(INGRESS, session -> {
            TextMessage message = session.createTextMessage("{}");
            message.setStringProperty("SwitchboardDialect", "smpp");
            return message;
        });

        Message parked = jms.receiveSelected(INVALID, "SwitchboardDialect = 'smpp'");

        assertThat(parked).isNotNull();
        assertThat(Fixtures.MAPPER.readTree(parked.getStringProperty("SwitchboardErrors")).path("error").asText())
                .isEqualTo("unknown_dialect");
    }

    @Test
    void shouldTreatARepeatedKeyAsTheSameMessage() throws Exception {
        String key = UUID.randomUUID().toString();

        String first = json(request(v1Body("+15550400044"), "v1", V1_KEY, key)).path("message_id").asText();
        String second = json(request(v1Body("+15550400044"), "v1", V1_KEY, key)).path("message_id").asText();

        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single()).isEqualTo(1);
    }
}
