package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The README's example card of each client dialect (docs/examples), sent to a number of the test's choosing. */
public final class ExampleMessages {

    /** How a tenant authenticates in each client dialect. */
    public record Credentials(String v1Authorization, String v5Authorization, String pinnacleApiKey) {

        /** The dev and test profiles' demo tenant. */
        public static final Credentials DEMO = new Credentials(HubIntegrationTest.V1_KEY,
                "Basic ZGV2OnNrX2Rldl92NQ==", "sk_dev_pinnacle");
    }

    private ExampleMessages() {
    }

    /**
     * Client dialect, carrier dialect and a recipient whose prefix routes to that carrier (config/routing.yaml's
     * sandbox rules, and the production stack's): one of each pair, every number different.
     */
    public static Stream<Arguments> everyClientThroughEveryCarrier() {
        List<String> clients = List.of("v1", "v5", "pinnacle");
        List<String[]> carriers = List.of(new String[] {"v5", "+1555740"}, new String[] {"pinnacle", "+1555710"},
                new String[] {"v1", "+1555720"}, new String[] {"channels", "+1555730"});
        return clients.stream().flatMap(client -> carriers.stream().map(carrier ->
                Arguments.of(client, carrier[0], carrier[1] + (clients.indexOf(client) + 1) + "1" + "10")));
    }

    /**
     * Sends the example of the client dialect ({@code v1}, {@code v5} or {@code pinnacle}) to the recipient, asserts
     * the dialect's success status, and returns the hub's message id.
     */
    public static String send(HubClient hub, Credentials tenant, String dialect, String recipient) {
        Request request = request(tenant, dialect, recipient);
        return request.messageId(accepted(request.send(hub), request.success()));
    }

    /** The example request of the client dialect to the recipient, not sent yet. */
    public static Request request(Credentials tenant, String dialect, String recipient) {
        return switch (dialect) {
            case "v1" -> {
                ObjectNode body = example("v1-first-message.json");
                body.put("to", recipient);
                yield new Request(dialect, "/v1/messages", body, "Authorization", tenant.v1Authorization(), 202);
            }
            case "v5" -> {
                ObjectNode body = example("v5-rcs-card.json");
                body.put("destination", recipient.substring(1));
                yield new Request(dialect, "/v5/messages", body, "Authorization", tenant.v5Authorization(), 200);
            }
            case "pinnacle" -> {
                ObjectNode body = example("pinnacle-rcs-card.json");
                body.put("to", recipient);
                yield new Request(dialect, "/messages/send/rcs", body, "PINNACLE-API-KEY", tenant.pinnacleApiKey(),
                        200);
            }
            default -> throw new IllegalArgumentException("No client dialect " + dialect);
        };
    }

    /**
     * One client request: its path, body and credential header, and the status that means accepted.
     *
     * @param authHeader the dialect's credential header, with {@code authValue} its value
     */
    public record Request(String dialect, String path, ObjectNode body, String authHeader, String authValue,
            int success) {

        public HubClient.Response send(HubClient hub, String... headers) {
            String[] all = new String[headers.length + 2];
            all[0] = authHeader;
            all[1] = authValue;
            System.arraycopy(headers, 0, all, 2, headers.length);
            return hub.postJson(path, body, all);
        }

        /** The hub's message id in the dialect's success answer. */
        public String messageId(HubClient.Response accepted) {
            return switch (dialect) {
                case "v1" -> accepted.json().path("message_id").asText();
                case "v5" -> accepted.json().path("data").path("results").path(0).path("messageGUID").asText();
                default -> accepted.json().path("messageId").asText();
            };
        }
    }

    private static HubClient.Response accepted(HubClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static ObjectNode example(String name) {
        try {
            return (ObjectNode) Fixtures.MAPPER.readTree(Files.readAllBytes(Path.of("docs/examples", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
