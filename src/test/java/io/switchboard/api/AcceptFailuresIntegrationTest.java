package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.store.MessageStore;
import io.switchboard.store.Submission;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * When the hub itself fails while accepting a message (here: the store, for one sender), the client gets a 500 in its
 * dialect's own error shape, and nothing is queued; when the store cannot be reached, a 503 with Retry-After.
 */
class AcceptFailuresIntegrationTest extends HubIntegrationTest {

    private static final String UNSTORABLE_SENDER = "STORE_BROKEN";
    private static final String UNREACHABLE_STORE_SENDER = "STORE_DOWN";
    private static final String OUTBOUND = "switchboard.outbound";

    @MockitoSpyBean
    private MessageStore store;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "accept-failures");
    }

    @BeforeEach
    void storeFailsForOneSender() {
        doThrow(new IllegalStateException("a fault in the store"))
                .when(store).accept(ArgumentMatchers.<Submission>argThat(
                        submission -> UNSTORABLE_SENDER.equals(submission.message().sender())));
        doThrow(new DataAccessResourceFailureException("the database is unreachable"))
                .when(store).accept(ArgumentMatchers.<Submission>argThat(
                        submission -> UNREACHABLE_STORE_SENDER.equals(submission.message().sender())));
    }

    @Test
    void shouldAskV1ClientsToRetryWhileTheDatabaseIsOutOfReach() {
        ObjectNode body = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        body.put("agent_id", UNREACHABLE_STORE_SENDER);
        long added = messagesAdded(OUTBOUND);

        HubClient.Response response = hub().postJson("/v1/messages", body, "Authorization", V1_KEY);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.json().path("error").asText()).isEqualTo("service_unavailable");
        assertThat(response.json().path("retry_after").asInt()).isEqualTo(5);
        assertThat(messagesAdded(OUTBOUND)).isEqualTo(added);
    }

    @Test
    void shouldAnswerV5ClientsInTheV5Shape() {
        ObjectNode body = (ObjectNode) Fixtures.tree("v5/seed/rcs-text.json");
        body.put("source", UNSTORABLE_SENDER);
        long added = messagesAdded(OUTBOUND);

        HubClient.Response response = hub().postJson("/v5/messages", body, "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("dev:sk_dev_v5".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json()).isEqualTo(Fixtures.MAPPER.valueToTree(Map.of("status", "error",
                "message", "The hub could not process this request; retry it later.", "data", List.of())));
        assertThat(messagesAdded(OUTBOUND)).isEqualTo(added);
    }

    @Test
    void shouldAnswerV1ClientsInTheV1Shape() {
        ObjectNode body = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        body.put("agent_id", UNSTORABLE_SENDER);
        long added = messagesAdded(OUTBOUND);

        HubClient.Response response = hub().postJson("/v1/messages", body, "Authorization", V1_KEY);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().path("error").asText()).isEqualTo("internal_error");
        assertThat(response.json().path("details")).isEmpty();
        assertThat(messagesAdded(OUTBOUND)).isEqualTo(added);
    }
}
