package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.dialect.pinnacle.PinnacleSignatures;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Messages to +1555710… go out through the Pinnacle sandbox carrier (config/routing.yaml): the exact Pinnacle request
 * of each channel, its MESSAGE.STATUS webhooks back into the hub, each row of the sandbox table, and the webhook
 * secret check.
 */
class PinnacleCarrierIntegrationTest extends HubIntegrationTest {

    private static final String CARRIER = "sandbox-pinnacle";
    private static final String CLIENT_KEY = "sk_dev_pinnacle";

    @Autowired
    private SandboxLedger sandbox;

    @Value("${switchboard.sandbox.pinnacle.signing-secret}")
    private String signingSecret;

    @Value("${switchboard.sandbox.pinnacle.api-key}")
    private String sandboxKey;

    private List<SandboxLedger.Entry> sends(String recipient) {
        return sandbox.entries().stream()
                .filter(entry -> entry.carrier().equals(CARRIER) && entry.recipient().equals(recipient)).toList();
    }

    /** Sends a Pinnacle client fixture to the recipient; returns the hub's message id. */
    private String sendPinnacle(String channel, ObjectNode request) {
        HubClient.Response accepted = hub().postJson("/messages/send/" + channel, request, "PINNACLE-API-KEY",
                CLIENT_KEY);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        JsonNode ids = accepted.json().path("messageIds");
        return ids.isArray() ? ids.get(0).asText() : accepted.json().path("messageId").asText();
    }

    private static ObjectNode fixture(String name, String recipient) {
        ObjectNode request = (ObjectNode) Fixtures.tree("pinnacle/" + name);
        request.put("to", recipient);
        if (request.path("options").isObject()) {
            // the hub holds a schedule back itself: no carrier request carries one
            ((ObjectNode) request.get("options")).remove("schedule");
        }
        return request;
    }

    @Test
    void shouldSendACardAsTheClientsOwnPinnacleRequestWithoutItsFallbackAndFollowTheWebhooksToDelivered() {
        String recipient = "+15557100142";
        ObjectNode request = fixture("send-rcs-cards.json", recipient);
        String messageId = sendPinnacle("rcs", request);

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        request.remove("fallback");
        assertThat(sends(recipient)).singleElement().satisfies(send -> {
            assertThat(Fixtures.toTree(send.request())).isEqualTo(request);
            assertThat(send.headerNames()).contains("pinnacle-api-key", "content-type")
                    .doesNotContain("authorization", "camelhttpmethod");
            assertThat(send.httpStatus()).isEqualTo(200);
            assertThat(send.carrierMessageId()).startsWith("msg_");
        });
    }

    @Test
    void shouldSendSmsAndMmsToTheirOwnPathsWithTheClientsOptions() {
        ObjectNode sms = fixture("send-sms.json", "+15557100143");
        ObjectNode mms = fixture("send-mms.json", "+15557100144");

        String smsId = sendPinnacle("sms", sms);
        String mmsId = sendPinnacle("mms", mms);

        eventually().until(() -> timeline(smsId), List.of("queued", "sent", "delivered")::equals);
        eventually().until(() -> timeline(mmsId), List.of("queued", "sent", "delivered")::equals);
        assertThat(sends("+15557100143")).singleElement()
                .satisfies(send -> assertThat(Fixtures.toTree(send.request())).isEqualTo(sms));
        assertThat(sends("+15557100144")).singleElement()
                .satisfies(send -> assertThat(Fixtures.toTree(send.request())).isEqualTo(mms));
    }

    @Test
    void shouldSendRcsOfAnotherDialectFromTheCarriersAgent() {
        String recipient = "+15557100145";
        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        assertThat(sends(recipient)).singleElement().satisfies(send -> {
            JsonNode request = Fixtures.toTree(send.request());
            assertThat(request.path("from").asText()).isEqualTo("agent_switchboard_sandbox");
            assertThat(request.path("quickReplies")).isNotEmpty();
        });
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
        String recipient = "+155571001" + lastDigits;
        String messageId = sendPinnacle("rcs", fixture("send-rcs-text.json", recipient));

        List<String> expected = List.of(events.split(" +"));
        eventually().during(Duration.ofMillis(400)).until(() -> timeline(messageId), expected::equals);
        assertThat(status(messageId).path("status").asText()).isEqualTo(finalStatus);
        assertThat(sends(recipient)).extracting(SandboxLedger.Entry::httpStatus)
                .containsExactlyElementsOf(List.of(answers.split(" +")).stream().map(Integer::valueOf).toList());
    }

    @Test
    void shouldFailWithTheCarriersReasonWhenTheRecipientCannotGetRcsOrTheHandsetRejectsIt() {
        String notCapable = sendPinnacle("rcs", fixture("send-rcs-text.json", "+15557100100"));
        String rejected = sendPinnacle("rcs", fixture("send-rcs-text.json", "+15557100101"));
        String smsFails = sendPinnacle("sms", fixture("send-sms.json", "+15557100206"));

        eventually().until(() -> timeline(notCapable), List.of("queued", "failed")::equals);
        eventually().until(() -> timeline(rejected), List.of("queued", "sent", "failed")::equals);
        eventually().until(() -> timeline(smsFails), List.of("queued", "sent", "failed")::equals);
        assertThat(status(notCapable).path("events").get(1).path("reason").asText())
                .isEqualTo("The recipient cannot receive RCS and the message has no fallback.");
        assertThat(status(rejected).path("events").get(2).path("reason").asText())
                .isEqualTo("Recipient handset rejected the message");
        assertThat(status(smsFails).path("events").get(2).path("reason").asText())
                .isEqualTo("Carrier could not reach the handset");
    }

    @Test
    void shouldRefuseAWebhookWithoutTheSigningSecret() {
        Map<String, Object> body = statusEvent("DELIVERED", "msg_unknown");

        HubClient.Response unsigned = hub().postJson("/callbacks/pinnacle", body);
        HubClient.Response forged = hub().postJson("/callbacks/pinnacle", body, PinnacleSignatures.HEADER,
                "pss_not-the-secret");

        for (HubClient.Response refused : List.of(unsigned, forged)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.json().path("message").asText()).contains(PinnacleSignatures.HEADER);
        }
    }

    @Test
    void shouldAcknowledgeWebhooksThatAreNotAStatusAndParkOneAboutAnIdNotYetKnown() {
        // users' messages and typing go to the inbound flow; these are about neither
        Map<String, Object> form = Map.of("type", "FORM.SUBMISSION", "conversation",
                Map.of("from", "+15557100199", "to", "agent_acme"));
        Map<String, Object> campaign = Map.of("type", "CAMPAIGN.STATUS", "status", "COMPLETED");
        Map<String, Object> early = statusEvent("DELIVERED", "msg_not_stored_yet");

        for (Map<String, Object> acknowledged : List.of(form, campaign)) {
            HubClient.Response answer = hub().postJson("/callbacks/pinnacle", acknowledged,
                    PinnacleSignatures.HEADER, signingSecret);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("status").asText()).isEqualTo("received");
        }
        long parkedBefore = messagesAdded(UNMATCHED_CALLBACKS);
        HubClient.Response notYet = hub().postJson("/callbacks/pinnacle", early, PinnacleSignatures.HEADER,
                signingSecret);
        // a 503 would have Pinnacle retry and, at the end of its retries, give up on the callback
        assertThat(notYet.status()).as(notYet.toString()).isEqualTo(200);
        assertThat(notYet.json().path("status").asText()).isEqualTo("received");
        assertThat(messagesAdded(UNMATCHED_CALLBACKS)).isGreaterThan(parkedBefore);
    }

    @Test
    void shouldHaveTheSandboxAnswerInPinnaclesOwnShapes() {
        String recipient = "+15557100402";
        ObjectNode request = fixture("send-rcs-cards.json", recipient);
        request.remove("fallback");
        String path = "/sandbox/pinnacle/messages/send/rcs";

        HubClient.Response sent = hub().postJson(path, request, "PINNACLE-API-KEY", sandboxKey);
        HubClient.Response wrongKey = hub().postJson(path, request, "PINNACLE-API-KEY", "sk_wrong");
        request.withObject("/cards/0").remove("title");
        HubClient.Response invalid = hub().postJson(path, request, "PINNACLE-API-KEY", sandboxKey);

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().path("messageId").asText()).startsWith("msg_");
        assertThat(sent.json().path("status").asText()).isEqualTo("queued");
        assertThat(sent.json().path("sender").asText()).isEqualTo("agent_acme");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.json().path("error").asText()).isNotBlank();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/errors/properties/cards/items/0/properties/title/errors/0").asText())
                .isEqualTo("is required");
        assertThat(sends(recipient)).extracting(SandboxLedger.Entry::httpStatus).containsExactly(200, 400);
    }

    private static Map<String, Object> statusEvent(String status, String messageId) {
        return Map.of("type", "MESSAGE.STATUS", "status", status, "direction", "OUTBOUND",
                "message", Map.of("type", "RCS_TEXT", "id", messageId, "text", "Hi"));
    }
}
