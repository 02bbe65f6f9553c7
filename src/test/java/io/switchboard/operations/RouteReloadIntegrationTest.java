package io.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dev profile reloads a route file the moment it changes, on a copy of routes/ so the real files stay untouched.
 * Every route file holds more than one route or a REST definition besides its routes, the case that fails when
 * Camel removes all routes on reload.
 */
@ActiveProfiles({"test", "dev"})
class RouteReloadIntegrationTest extends HubIntegrationTest {

    private static final Path ROUTES = copyOfRoutes();

    private static Path copyOfRoutes() {
        Path copy = Path.of("target", "test-data", "routes-" + UUID.randomUUID()).toAbsolutePath();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            Files.createDirectories(copy);
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    @DynamicPropertySource
    static void reloadedRoutes(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "reload");
        registry.add("camel.main.routes-include-pattern", () -> "file:" + ROUTES + "/*.camel.yaml");
        registry.add("camel.main.routes-reload-directory", () -> ROUTES.toString());
    }

    @Test
    void shouldServeAnEditedRouteWithoutARestart() throws Exception {
        byte[] message = Fixtures.bytes("v1/send-text-with-suggestions.json");
        assertThat(hub().postJson("/v1/messages", message, "Authorization", V1_KEY).status()).isEqualTo(202);

        Path ingress = ROUTES.resolve("ingress-v1.camel.yaml");
        String route = Files.readString(ingress);
        String acceptedStatus = """
                            name: CamelHttpResponseCode
                            constant: "202"\
                """;
        assertThat(route).contains(acceptedStatus);
        Files.writeString(ingress, route.replace(acceptedStatus, acceptedStatus.replace("202", "200")));

        eventually().until(() -> hub().postJson("/v1/messages", message, "Authorization", V1_KEY).status() == 200);
        assertThat(hub().get("/v1/messages/msg_unknown", "Authorization", V1_KEY).status())
                .as("the other route of the reloaded file still serves").isEqualTo(404);
    }
}
