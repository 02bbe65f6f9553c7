package io.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.Carriers;
import io.switchboard.model.Dialect;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The prod profile with its secrets given as the environment would: no sandbox, no demo credentials, no loopback
 * webhook targets, and the operator password from the environment.
 */
@ActiveProfiles(value = "prod", inheritProfiles = false)
class ProdProfileIntegrationTest extends HubIntegrationTest {

    @DynamicPropertySource
    static void productionEnvironment(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "prod");
        registry.add("SWITCHBOARD_ADMIN_PASSWORD", () -> "operator-secret");
        registry.add("SWITCHBOARD_CALLBACK_TOKEN_SECRET", () -> "production-callback-secret-0123456789abcdef");
        registry.add("SWITCHBOARD_TENANT_ID", () -> "acme");
        registry.add("SWITCHBOARD_TENANT_V1_API_KEY", () -> "sk_live_acme");
        // nothing listens on the discard port: a message sent here would wait for retries, never leave the host
        registry.add("SWITCHBOARD_V5_BASE_URL", () -> "http://127.0.0.1:9/v5");
        registry.add("SWITCHBOARD_V5_USERNAME", () -> "acme");
        registry.add("SWITCHBOARD_V5_PASSWORD", () -> "carrier-secret");
        registry.add("SWITCHBOARD_PINNACLE_ENABLED", () -> "true");
        registry.add("SWITCHBOARD_PINNACLE_API_KEY", () -> "pk_live_acme");
        registry.add("SWITCHBOARD_PINNACLE_SIGNING_SECRET", () -> "pss_live_acme");
    }

    @Autowired
    private Carriers carriers;

    private static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldHaveTheCarriersTheEnvironmentSwitchesOnWithItsCredentials() {
        assertThat(carriers.ofDialect(Dialect.PINNACLE)).singleElement()
                .returns("https://api.pinnacle.sh", CarrierConnector::baseUrl)
                .returns("pk_live_acme", CarrierConnector::authorization);
        assertThat(carriers.ofDialect(Dialect.V5)).extracting(CarrierConnector::id).containsExactly("v5-rcs");
        assertThat(carriers.ofDialect(Dialect.V1)).isEmpty();
        assertThat(carriers.ofDialect(Dialect.CHANNELS)).isEmpty();
    }

    @Test
    void shouldHaveNoSandboxCarriers() {
        HubClient.Response response = hub().postJson("/sandbox/v5/messages", "{}".getBytes(StandardCharsets.UTF_8),
                "Authorization", basic("sandbox:sandbox-v5-secret"));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void shouldAcceptOnlyTheTenantKeysFromTheEnvironment() {
        assertThat(hub().get("/v1/messages/msg_x", "Authorization", "Bearer sk_dev_v1").status()).isEqualTo(401);
        assertThat(hub().get("/v1/messages/msg_x", "Authorization", "Bearer sk_live_acme").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseWebhookTargetsOnLoopback() {
        HubClient.Response response = hub().postJson("/v1/webhooks", Map.of("url", "http://127.0.0.1:9999/hooks",
                "events", List.of("message.delivered")), "Authorization", "Bearer sk_live_acme");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("details").get(0).path("message").asText()).contains("loopback");
    }

    @Test
    void shouldGuardHawtioWithTheOperatorPasswordFromTheEnvironment() {
        assertThat(hub().get("/actuator/hawtio/", "Authorization", basic("admin:admin")).status()).isEqualTo(401);
        assertThat(hub().get("/actuator/hawtio/", "Authorization", basic("admin:operator-secret")).status())
                .isEqualTo(200);
    }
}
