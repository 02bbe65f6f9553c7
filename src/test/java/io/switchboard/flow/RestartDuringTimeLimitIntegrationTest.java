package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.SwitchboardApplication;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The RCS time limit is a message the broker holds back, in its journal: a hub stopped while it waits and started
 * again on the same data still fails the message over when the time is up.
 */
class RestartDuringTimeLimitIntegrationTest {

    private static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString(), "restart");

    private static ConfigurableApplicationContext startHub() {
        // command-line arguments, so they win over config/application.yaml as the test context's properties do
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .profiles("test")
                .run("--spring.config.additional-location=optional:classpath:/test-config/",
                        "--server.port=0",
                        "--switchboard.sandbox.callback-delay=50ms",
                        "--switchboard.data-dir=./" + DATA.toString().replace('\\', '/'));
    }

    private static HubClient client(ConfigurableApplicationContext hub) {
        return new HubClient(Integer.parseInt(hub.getEnvironment().getProperty("local.server.port")));
    }

    private static List<String> timeline(HubClient hub, String messageId) {
        return hub.get("/v1/messages/" + messageId, "Authorization", HubIntegrationTest.V1_KEY).json()
                .path("events").findValuesAsText("type");
    }

    @Test
    void shouldFailOverWhenTheTimeIsUpAfterARestart() {
        String messageId;
        try (ConfigurableApplicationContext first = startHub()) {
            HubClient hub = client(first);
            ObjectNode request = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
            // …02: the RCS carrier accepts and never reports delivery
            request.put("to", "+15550600702");
            request.put("ttl", "4s");
            HubClient.Response accepted = hub.postJson("/v1/messages", request, "Authorization",
                    HubIntegrationTest.V1_KEY);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            messageId = accepted.json().path("message_id").asText();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> timeline(hub, messageId),
                    List.of("queued", "sent")::equals);
        }

        try (ConfigurableApplicationContext second = startHub()) {
            HubClient hub = client(second);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> timeline(hub, messageId),
                            List.of("queued", "sent", "failover", "sent", "delivered")::equals);
            assertThat(hub.get("/v1/messages/" + messageId, "Authorization", HubIntegrationTest.V1_KEY).json()
                    .path("events").get(2).path("reason").asText()).isEqualTo("time-limit: not delivered within 4s");
        }
    }
}
