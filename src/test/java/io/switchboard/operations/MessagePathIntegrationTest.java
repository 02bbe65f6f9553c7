package io.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /actuator/messages/{id}}: one message's whole path through the running hub, from its id alone: its legs
 * with each carrier call's outcome, HTTP status and time, its events in their order, each webhook attempt per
 * subscription (a refused one included), and its trace id; 404 for an unknown id, the operator login required.
 */
class MessagePathIntegrationTest extends HubIntegrationTest {

    private WebhookReceiver receiver;
    private String subscriptionId;

    @BeforeEach
    void subscribe() {
        receiver = new WebhookReceiver();
        subscriptionId = subscribe(receiver.url(), List.of("message.sent", "message.delivered")).path("id").asText();
    }

    @AfterEach
    void unsubscribe() {
        assertThat(hub().delete("/v1/webhooks/" + subscriptionId, "Authorization", V1_KEY).status()).isEqualTo(204);
        receiver.close();
    }

    @Test
    void shouldShowTheLegCarrierCallEventsWebhookAttemptsAndTraceOfADeliveredMessage() {
        String recipient = "+4917600000798";
        receiver.failFirstContaining(recipient);
        Instant before = Instant.now();
        String messageId = sendV1(recipient);

        eventually().untilAsserted(() -> assertThat(receiver.attemptsAbout(messageId))
                .extracting(received -> received.json().path("event").asText() + " " + received.answeredWith())
                .containsExactlyInAnyOrder("message.sent 503", "message.sent 204", "message.delivered 204"));
        JsonNode path = eventually().until(() -> path(messageId),
                shown -> attempts(shown).size() == 3 && shown.path("legs").path(0).path("calls").size() == 1);

        assertThat(path.path("id").asText()).isEqualTo(messageId);
        assertThat(path.path("tenant").asText()).isEqualTo("demo");
        assertThat(path.path("dialect").asText()).isEqualTo("v1");
        assertThat(path.path("channel").asText()).isEqualTo("RCS");
        assertThat(path.path("traceId").asText()).matches("[0-9a-f]{32}");
        assertThat(Instant.parse(path.path("acceptedAt").asText())).isBetween(before, Instant.now());
        JsonNode leg = path.path("legs").path(0);
        assertThat(path.path("legs")).hasSize(1);
        assertThat(leg.path("leg").asInt()).isEqualTo(1);
        assertThat(leg.path("carrier").asText()).isEqualTo("sandbox-v5");
        assertThat(leg.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(leg.path("carrierMessageId").asText()).isNotBlank();
        JsonNode call = leg.path("calls").path(0);
        assertThat(call.path("outcome").asText()).isEqualTo("accepted");
        assertThat(call.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(call.path("durationMs").asLong()).isBetween(0L, 10_000L);
        assertThat(Instant.parse(call.path("at").asText())).isBetween(before, Instant.now());
        assertThat(path.path("events").findValuesAsText("type"))
                .containsExactly("message.queued", "message.sent", "message.delivered");
        assertThat(path.path("events").findValuesAsText("sequence")).containsExactly("1", "2", "3");

        assertThat(path.path("webhooks")).singleElement()
                .satisfies(target -> assertThat(target.path("target").asText()).isEqualTo(subscriptionId));
        List<JsonNode> attempts = attempts(path);
        assertThat(attempts).extracting(attempt -> attempt.path("event").asText() + " " + attempt.path("attempt")
                .asInt() + " " + attempt.path("outcome").asText() + " " + attempt.path("httpStatus").asInt())
                .containsExactlyInAnyOrder("message.sent 1 failed 503", "message.sent 2 delivered 204",
                        "message.delivered 1 delivered 204");
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.path("durationMs").asLong()).isBetween(0L, 10_000L);
            assertThat(attempt.path("eventId").asText()).startsWith("evt_");
        });
        assertThat(attempts).filteredOn(attempt -> attempt.path("outcome").asText().equals("failed"))
                .singleElement().satisfies(refused -> assertThat(refused.path("cause").asText())
                        .isEqualTo("Service Unavailable"));
    }

    @Test
    void shouldShowBothLegsOfAMessageThatFailedOver() {
        String messageId = sendV1("+15550600100");

        eventually().until(() -> timeline(messageId).contains("delivered"));
        JsonNode path = eventually().until(() -> path(messageId), shown -> shown.path("legs").size() == 2
                && shown.path("legs").path(0).path("calls").size() == 1
                && shown.path("legs").path(1).path("calls").size() == 1);

        JsonNode rcs = path.path("legs").path(0);
        assertThat(rcs.path("carrier").asText()).isEqualTo("sandbox-v5");
        assertThat(rcs.path("channel").asText()).isEqualTo("RCS");
        assertThat(rcs.path("state").asText()).isEqualTo("REFUSED");
        assertThat(rcs.path("calls").path(0).path("outcome").asText()).isEqualTo("refused");
        assertThat(rcs.path("calls").path(0).path("httpStatus").asInt()).isEqualTo(400);
        assertThat(rcs.path("calls").path(0).path("cause").asText()).contains("not RCS capable");
        JsonNode sms = path.path("legs").path(1);
        assertThat(sms.path("leg").asInt()).isEqualTo(2);
        assertThat(sms.path("carrier").asText()).isEqualTo("sandbox-channels");
        assertThat(sms.path("channel").asText()).isEqualTo("SMS");
        assertThat(sms.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(sms.path("calls").path(0).path("outcome").asText()).isEqualTo("accepted");
        assertThat(path.path("events").findValuesAsText("type"))
                .containsExactly("message.queued", "message.failover", "message.sent", "message.delivered");
        assertThat(path.path("status").asText()).isEqualTo("delivered");
    }

    @Test
    void shouldAnswer404ForAnUnknownMessage() {
        HubClient.Response unknown = hub().get("/actuator/messages/msg_unknown", "Authorization", OPERATOR);

        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseWithoutTheOperatorLogin() {
        String messageId = sendV1("+4917600000799");

        assertThat(hub().get("/actuator/messages/" + messageId).status()).isEqualTo(401);
        assertThat(hub().get("/actuator/messages/" + messageId, "Authorization", V1_KEY).status()).isEqualTo(401);
    }

    private JsonNode path(String messageId) {
        HubClient.Response shown = hub().get("/actuator/messages/" + messageId, "Authorization", OPERATOR);
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        return shown.json();
    }

    private static List<JsonNode> attempts(JsonNode path) {
        List<JsonNode> attempts = new ArrayList<>();
        path.path("webhooks").forEach(target -> target.path("attempts").forEach(attempts::add));
        return attempts;
    }
}
