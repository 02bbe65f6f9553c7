package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.SwitchboardApplication;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The web server listens before the hub's routes run and while they stop. Held in both states on purpose (a start-up
 * step that waits, a shutdown step that waits), every API and callback endpoint answers 503 with Retry-After in its
 * own dialect's shape, never 404, and readiness says why.
 */
class StartStopIntegrationTest {

    private static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString(), "start-stop");
    private static final String V5_BASIC = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("dev:sk_dev_v5".getBytes(StandardCharsets.UTF_8));

    private final CountDownLatch startRelease = new CountDownLatch(1);
    private final CountDownLatch stopHeld = new CountDownLatch(1);
    private final CountDownLatch stopRelease = new CountDownLatch(1);
    private final AtomicInteger port = new AtomicInteger(-1);

    /** Runs after the routes and the web server started and before the hub is ready, as a slow start-up would. */
    private ApplicationRunner slowStart() {
        return arguments -> startRelease.await(60, TimeUnit.SECONDS);
    }

    /** Holds the shutdown after the hub heard of it, as a drain of requests under way would. */
    @Order(Ordered.LOWEST_PRECEDENCE)
    private final class SlowStop implements ApplicationListener<ContextClosedEvent> {
        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            stopHeld.countDown();
            try {
                stopRelease.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private CompletableFuture<ConfigurableApplicationContext> startHub() {
        return CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(SwitchboardApplication.class)
                .profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("slowStart", slowStart()))
                .listeners((ApplicationListener<WebServerInitializedEvent>) event -> port.set(
                        event.getWebServer().getPort()), new SlowStop())
                .run("--spring.config.additional-location=optional:classpath:/test-config/",
                        "--server.port=0",
                        "--switchboard.data-dir=./" + DATA.toString().replace('\\', '/')));
    }

    private static void assertRefusedInItsDialect(HubClient hub, String why) {
        HubClient.Response v1 = hub.postJson("/v1/messages", Fixtures.tree("v1/send-text-with-suggestions.json"),
                "Authorization", HubIntegrationTest.V1_KEY);
        assertUnavailable(v1, why);
        assertThat(v1.json().path("error").asText()).isEqualTo("service_unavailable");
        assertThat(v1.json().path("retry_after").asLong()).isEqualTo(5);

        HubClient.Response pinnacle = hub.get("/messages/msg_x", "PINNACLE-API-KEY", "sk_dev_pinnacle");
        assertUnavailable(pinnacle, why);
        assertThat(pinnacle.json().path("error").asText()).startsWith(why);

        HubClient.Response v5 = hub.post("/v5/messages", "{}".getBytes(StandardCharsets.UTF_8),
                "Authorization", V5_BASIC, "Content-Type", "application/json");
        assertUnavailable(v5, why);
        assertThat(v5.json().path("status").asText()).isEqualTo("error");

        for (String dialect : new String[] {"v1", "v5", "pinnacle", "channels"}) {
            HubClient.Response callback = hub.post("/callbacks/" + dialect, "{}".getBytes(StandardCharsets.UTF_8),
                    "Content-Type", "application/json");
            assertUnavailable(callback, why);
            assertThat(callback.json().path("error").asText()).isEqualTo("service_unavailable");
        }
    }

    private static void assertUnavailable(HubClient.Response response, String why) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.toString()).contains(why);
    }

    @Test
    void shouldAnswer503InEachDialectWhileStartingAndStopping() throws Exception {
        CompletableFuture<ConfigurableApplicationContext> starting = startHub();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> port.get() > 0);
        HubClient hub = new HubClient(port.get());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> hub.get("/actuator/health/readiness").status() == 503);

        assertRefusedInItsDialect(hub, "The hub is starting");
        HubClient.Response readiness = hub.get("/actuator/health/readiness");
        assertThat(readiness.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(readiness.json().path("components").path("hub").path("status").asText())
                .isEqualTo("OUT_OF_SERVICE");
        assertThat(hub.get("/actuator/health/readiness", "Authorization", HubIntegrationTest.OPERATOR).json()
                .path("components").path("hub").path("details").path("reason").asText())
                .isEqualTo("The hub is starting");

        startRelease.countDown();
        ConfigurableApplicationContext context = starting.get(60, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.get("/actuator/health/readiness").status() == 200);
        assertThat(hub.get("/messages/msg_x", "PINNACLE-API-KEY", "sk_dev_pinnacle").status()).isEqualTo(404);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::close);
        assertThat(stopHeld.await(30, TimeUnit.SECONDS)).isTrue();
        assertRefusedInItsDialect(hub, "The hub is stopping");
        stopRelease.countDown();
        stopping.get(60, TimeUnit.SECONDS);
    }
}
