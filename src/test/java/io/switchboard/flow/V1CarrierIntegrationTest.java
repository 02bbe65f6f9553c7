package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.carrier.Carriers;
import io.switchboard.dialect.v1.V1Signatures;
import io.switchboard.model.Channel;
import io.switchboard.model.Message;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.store.Leg;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Messages to +1555720… go out through the v1 sandbox carrier (config/routing.yaml): the exact v1 request it got, its
 * signed webhooks back into the hub, each row of the sandbox table, and idempotent sends.
 */
class V1CarrierIntegrationTest extends HubIntegrationTest {

    private static final String CARRIER = "sandbox-v1";

    @Autowired
    private SandboxLedger sandbox;

    @Autowired
    private ProducerTemplate camel;

    @Autowired
    private Carriers carriers;

    @Value("${switchboard.sandbox.v1.signing-secret}")
    private String signingSecret;

    private List<SandboxLedger.Entry> sends(String recipient) {
        return sandbox.entries().stream()
                .filter(entry -> entry.carrier().equals(CARRIER) && entry.recipient().equals(recipient)).toList();
    }

    private static JsonNode golden(String name, String recipient) {
        ObjectNode request = (ObjectNode) Fixtures.golden("v1/" + name + ".json");
        request.put("to", recipient);
        return request;
    }

    @Test
    void shouldSendRcsAsTheV1RequestOfTheGoldenFileAndFollowItsWebhooksToDelivered() {
        String recipient = "+15557200142";
        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        List<SandboxLedger.Entry> sends = sends(recipient);
        assertThat(sends).hasSize(1);
        assertThat(Fixtures.toTree(sends.get(0).request())).isEqualTo(golden("send-text-with-suggestions", recipient));
        assertThat(sends.get(0).headerNames()).contains("authorization", "idempotency-key", "content-type")
                .doesNotContain("switchboardmessageid", "camelhttpmethod");
        assertThat(sends.get(0).httpStatus()).isEqualTo(200);
    }

    @Test
    void shouldSendSmsFromTheCarriersSmsChannel() {
        String recipient = "+15557200143";
        ObjectNode request = (ObjectNode) Fixtures.tree("v1/sms.json");
        request.put("to", recipient);
        HubClient.Response accepted = hub().postJson("/v1/messages", request, "Authorization", V1_KEY);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String messageId = accepted.json().path("message_id").asText();

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        assertThat(status(messageId).path("channel").asText()).isEqualTo("SMS");
        assertThat(sends(recipient)).singleElement()
                .satisfies(send -> assertThat(Fixtures.toTree(send.request())).isEqualTo(golden("sms", recipient)));
    }

    @ParameterizedTest(name = "…{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "04 | read      | queued sent delivered read   | 200",
        "05 | delivered | queued sent delivered        | 200",
        "06 | delivered | queued sent delivered        | 200",
        "03 | delivered | queued sent delivered        | 503 503 200",
        "02 | sent      | queued sent                  | 200"})
    void shouldPlayEachRowOfTheSandboxTableForRcs(String lastDigits, String finalStatus, String events,
            String answers) {
        String recipient = "+155572001" + lastDigits;
        String messageId = sendV1(recipient);

        List<String> expected = List.of(events.split(" +"));
        eventually().during(Duration.ofMillis(400)).until(() -> timeline(messageId), expected::equals);
        assertThat(status(messageId).path("status").asText()).isEqualTo(finalStatus);
        assertThat(sends(recipient)).extracting(SandboxLedger.Entry::httpStatus)
                .containsExactlyElementsOf(List.of(answers.split(" +")).stream().map(Integer::valueOf).toList());
    }

    @Test
    void shouldFailWithTheCarriersReasonWhenTheDeviceIsNotRcsCapable() {
        String messageId = sendV1("+15557200100");

        eventually().until(() -> timeline(messageId), List.of("queued", "failed")::equals);
        assertThat(status(messageId).path("events").get(1).path("reason").asText())
                .isEqualTo("The device is not RCS-capable.");
        assertThat(sends("+15557200100")).extracting(SandboxLedger.Entry::httpStatus).containsExactly(404);
    }

    @Test
    void shouldRecordTheFailureReasonOfAFailedWebhook() {
        String messageId = sendV1("+15557200101");

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "failed")::equals);
        assertThat(status(messageId).path("events").get(2).path("reason").asText())
                .isEqualTo("Recipient handset rejected the message");
    }

    @Test
    void shouldReachTheCarrierOnceWhenTheSameLegIsSentTwice() {
        String recipient = "+15557200302";
        ObjectNode tree = (ObjectNode) Fixtures.tree("canonical/rich-card-standalone.json");
        tree.put("id", "msg_01jdv1idempotency00000000aa");
        tree.put("recipient", recipient);
        tree.put("createdAt", "2026-11-22T10:00:00Z");
        Message message = Fixtures.MAPPER.convertValue(tree, Message.class);
        Leg leg = new Leg(Leg.idOf(message.id(), 1), message.id(), "demo", 1, Channel.RCS, CARRIER, null,
                Leg.LegStatus.DISPATCHING, null, null, null);
        CarrierConnector carrier = carriers.byId(CARRIER);

        CarrierOutcome first = send(message, carrier, leg);
        CarrierOutcome again = send(message, carrier, leg);

        assertThat(first.verdict()).isEqualTo(CarrierOutcome.Verdict.ACCEPTED);
        assertThat(again).isEqualTo(first);
        assertThat(sends(recipient)).hasSize(1);
    }

    private CarrierOutcome send(Message message, CarrierConnector carrier, Leg leg) {
        Exchange sent = camel.send("direct:carrier-v1", exchange -> {
            exchange.setVariable(Variables.MESSAGE, message);
            exchange.setVariable(Variables.CARRIER, carrier);
            exchange.setVariable(Variables.LEG, leg);
            exchange.getMessage().setBody(message);
        });
        assertThat(sent.getException()).isNull();
        return sent.getVariable(Variables.OUTCOME, CarrierOutcome.class);
    }

    @Test
    void shouldRefuseAWebhookWithoutAValidSignature() {
        byte[] body = webhook("message.delivered", "msg_unknown");

        HubClient.Response unsigned = hub().postJson("/callbacks/v1", body);
        HubClient.Response forged = hub().postJson("/callbacks/v1", body,
                V1Signatures.HEADER, V1Signatures.sign("not-the-secret", body));

        for (HubClient.Response refused : List.of(unsigned, forged)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("error").asText()).isEqualTo("unauthorized");
            assertThat(refused.json().path("message").asText()).contains(V1Signatures.HEADER);
        }
    }

    @Test
    void shouldAcknowledgeASignedWebhookThatIsNotAboutAMessageAndParkOneAboutAnIdNotYetKnown() {
        // users' events go to the inbound flow; the carrier's end of a session is not read (the hub keeps its own)
        byte[] conversation = webhook("conversation.ended", null);
        byte[] early = webhook("message.delivered", "msg_not_stored_yet");

        HubClient.Response acknowledged = hub().postJson("/callbacks/v1", conversation,
                V1Signatures.HEADER, V1Signatures.sign(signingSecret, conversation));
        long parkedBefore = messagesAdded(UNMATCHED_CALLBACKS);
        HubClient.Response notYet = hub().postJson("/callbacks/v1", early,
                V1Signatures.HEADER, V1Signatures.sign(signingSecret, early));

        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().path("status").asText()).isEqualTo("received");
        // a 503 would have the carrier retry and, after its fifth attempt, give up on the callback
        assertThat(notYet.status()).as(notYet.toString()).isEqualTo(200);
        assertThat(notYet.json().path("status").asText()).isEqualTo("received");
        assertThat(messagesAdded(UNMATCHED_CALLBACKS)).isGreaterThan(parkedBefore);
    }

    @Test
    void shouldHaveTheSandboxAnswerInV1sOwnShapesAndHonourIdempotencyKeys() {
        String recipient = "+15557200402";
        ObjectNode request = (ObjectNode) golden("rich-card-standalone", recipient);
        String key = "5b0c8e0e-0d5c-4e57-9a43-0c1d2e3f4a5b";
        String path = "/sandbox/v1/v1/messages";
        String auth = "Bearer sk_sandbox_v1";

        HubClient.Response first = hub().postJson(path, request, "Authorization", auth, "Idempotency-Key", key);
        HubClient.Response replayed = hub().postJson(path, request, "Authorization", auth, "Idempotency-Key", key);
        request.put("ttl", "60s");
        HubClient.Response conflict = hub().postJson(path, request, "Authorization", auth, "Idempotency-Key", key);
        HubClient.Response wrongKey = hub().postJson(path, request, "Authorization", "Bearer sk_wrong");
        request.withObject("/content/suggestions/0/reply").put("text", "A chip label far beyond 25 characters");
        HubClient.Response invalid = hub().postJson(path, request, "Authorization", auth);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("message_id").asText()).startsWith("msg_");
        assertThat(first.json().path("status").asText()).isEqualTo("queued");
        assertThat(first.json().path("billing").path("message_type").asText()).isEqualTo("single_message");
        assertThat(replayed.json()).isEqualTo(first.json());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("error").asText()).isEqualTo("idempotency_conflict");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.json().path("error").asText()).isEqualTo("unauthorized");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("error").asText()).isEqualTo("validation_error");
        assertThat(invalid.json().path("details").path(0).path("field").asText())
                .isEqualTo("content.suggestions[0].reply.text");
        assertThat(sends(recipient)).extracting(SandboxLedger.Entry::httpStatus).containsExactly(200, 400);
    }

    private static byte[] webhook(String event, String messageId) {
        Map<String, Object> data = messageId == null
                ? Map.of("agent_id", "ag_live_xxxx", "from", "+15557200199")
                : Map.of("message_id", messageId, "status", "delivered");
        try {
            return Fixtures.MAPPER.writeValueAsString(Map.of("id", "evt_test", "event", event,
                    "timestamp", "2026-11-22T10:00:00Z", "data", data)).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
