package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The README's example card of each client dialect, sent to a number config/routing.yaml gives to each carrier:
 * it reaches that sandbox carrier as a request of the carrier's own dialect and comes back delivered.
 */
class AnyDialectAnyCarrierIntegrationTest extends HubIntegrationTest {

    /** Fields only a request of that carrier dialect has at its top level. */
    private static final Map<String, List<String>> WIRE_FIELDS = Map.of(
            "v5", List.of("messageType", "source", "destination", "callbackURL"),
            "pinnacle", List.of("from", "to"),
            "v1", List.of("to", "agent_id", "content"),
            "channels", List.of("receiver", "body"));

    @ParameterizedTest(name = "{0} client through a {1} carrier")
    @MethodSource("io.switchboard.testing.ExampleMessages#everyClientThroughEveryCarrier")
    void reachesTheCarrierInItsDialectAndIsDelivered(String client, String carrier, String recipient) {
        String messageId = ExampleMessages.send(hub(), ExampleMessages.Credentials.DEMO, client, recipient);

        eventually().until(() -> timeline(messageId), events -> events.contains("delivered"));
        JsonNode received = carrierRequests(recipient).get(0);
        assertThat(received.path("carrier").asText()).isEqualTo("sandbox-" + carrier);
        assertThat(received.path("carrierMessageId").asText()).isNotEmpty();
        assertThat(fieldNames(received.path("request"))).as("%s", received).containsAll(WIRE_FIELDS.get(carrier));
        String leg = received.path("leg").asText();
        if (carrier.equals("v5") || carrier.equals("channels")) {
            assertThat(leg).as("the leg id in the callback URL or the reference").isEqualTo(messageId + "-1");
        }
        JsonNode tally = hub().get("/sandbox/carrier-requests/legs", "Authorization", OPERATOR).json().path(leg);
        assertThat(tally.path("carrier").asText()).isEqualTo("sandbox-" + carrier);
        assertThat(tally.path("requests").asInt()).isEqualTo(1);
        assertThat(tally.path("sends").asInt()).isEqualTo(1);
    }

    @Test
    void showsWhatTheCarriersReceivedOnlyToTheOperator() {
        assertThat(hub().get("/sandbox/carrier-requests?recipient=+15557401110").status()).isEqualTo(401);
        assertThat(hub().get("/sandbox/carrier-requests/legs").status()).isEqualTo(401);
        assertThat(hub().get("/sandbox/carrier-callbacks").status()).isEqualTo(401);
    }

    @Test
    void letsOnlyTheOperatorMakeASandboxUserReply() {
        String path = "/sandbox/users/+15557409910/replies";

        assertThat(hub().postJson(path, Map.of("text", "Yes")).status()).isEqualTo(401);
        HubClient.Response noOneSentToThem = hub().postJson(path, Map.of("text", "Yes"), "Authorization", OPERATOR);
        assertThat(noOneSentToThem.status()).as(noOneSentToThem.toString()).isEqualTo(404);
        assertThat(noOneSentToThem.json().path("error").asText()).isEqualTo("not_found");
    }

    /** What the sandbox carriers received for this number, as the README shows it. */
    private List<JsonNode> carrierRequests(String recipient) {
        HubClient.Response response = hub().get("/sandbox/carrier-requests?recipient=" + recipient.substring(1),
                "Authorization", OPERATOR);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> received = new ArrayList<>();
        response.json().forEach(received::add);
        return received;
    }

    private static Set<String> fieldNames(JsonNode request) {
        Set<String> names = new HashSet<>();
        request.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
