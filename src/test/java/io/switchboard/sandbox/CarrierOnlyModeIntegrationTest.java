package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.dialect.v1.V1Signatures;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.WebhookReceiver;
import jakarta.jms.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jar's carrier-only mode: the sandbox carriers without the hub, posting their callbacks to the hub the
 * configuration names (here a receiver standing in for it) and counting every send by leg.
 */
class CarrierOnlyModeIntegrationTest {

    private static WebhookReceiver hub;
    private static ConfigurableApplicationContext carriers;

    @BeforeAll
    static void startCarriers() {
        hub = new WebhookReceiver();
        carriers = CarriersAlone.start(hub, "20ms");
    }

    @AfterAll
    static void stop() {
        carriers.close();
        hub.close();
    }

    private static HubClient carrier() {
        return CarriersAlone.client(carriers);
    }

    @Test
    void shouldRunNoBrokerDatabaseOrCamel() {
        assertThat(carriers.getBeanNamesForType(CamelContext.class)).isEmpty();
        assertThat(carriers.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        assertThat(carriers.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(carriers.getBeanNamesForType(WebhookInbox.class)).isEmpty();
    }

    @Test
    void shouldPostSignedCallbacksToTheConfiguredHubAndCountEachLegOnce() {
        String leg = UUID.randomUUID().toString();
        byte[] send = Fixtures.bytes("v1/sms.json");

        for (int attempt = 0; attempt < 2; attempt++) {
            HubClient.Response accepted = carrier().post("/sandbox/v1/v1/messages", send, "Content-Type",
                    "application/json", "Authorization", "Bearer sk_sandbox_v1", "Idempotency-Key", leg);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        }

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> carrier().get("/sandbox/carrier-callbacks").json().path("delivered").asInt() >= 1);
        WebhookReceiver.Received callback = hub.received().get(0);
        assertThat(callback.json().path("event").asText()).isEqualTo("message.delivered");
        assertThat(callback.header(V1Signatures.HEADER)).isEqualTo(V1Signatures.sign("sandbox-v1-webhook-secret",
                callback.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode tally = carrier().get("/sandbox/carrier-requests/legs").json().path(leg);
        assertThat(tally.path("carrier").asText()).isEqualTo("sandbox-v1");
        assertThat(tally.path("requests").asInt()).as("asked twice").isEqualTo(2);
        assertThat(tally.path("sends").asInt()).as("the repeat answered from the Idempotency-Key").isEqualTo(1);
    }
}
