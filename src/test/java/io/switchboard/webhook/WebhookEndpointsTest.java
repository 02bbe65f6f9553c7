package io.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.switchboard.model.Dialect;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookEndpointsTest {

    /** What the endpoints asked the parked deliveries to release, in order. */
    private final List<Release> releases = new CopyOnWriteArrayList<>();
    private final WebhookEndpoints.ParkedDeliveries parked = (endpoint, atMost) -> {
        releases.add(new Release(endpoint, atMost));
        return 0;
    };
    private final WebhookEndpoints endpoints = new WebhookEndpoints(
            new WebhookEndpointProperties(2, Duration.ofMillis(50), Duration.ofSeconds(5), 50, 4, 4,
                    Duration.ofMinutes(1), 2), parked);

    @AfterEach
    void stop() {
        endpoints.destroy();
    }

    @Test
    void shouldLetAnEndpointHaveOnlyItsShareOfPostsInFlight() throws InterruptedException {
        WebhookEndpoints.Attempt first = endpoints.admit(webhook("https://slow.example.com/hooks/a"));
        endpoints.admit(webhook("https://slow.example.com/hooks/b"));

        assertThatThrownBy(() -> endpoints.admit(webhook("https://slow.example.com:443/hooks/c")))
                .isInstanceOf(WebhookEndpointUnavailableException.class)
                .hasMessage("https://slow.example.com:443 still has 2 webhook posts in flight after 50 ms");
        assertThat(endpoints.admit(webhook("https://other.example.com/hooks"))).as("another endpoint is not held up")
                .isNotNull();

        endpoints.finish(first, null);
        assertThat(endpoints.admit(webhook("https://slow.example.com/hooks/c"))).isNotNull();
    }

    @Test
    void shouldKeepPostsAwayFromAnEndpointThatKeepsFailing() throws InterruptedException {
        for (int post = 0; post < 4; post++) {
            endpoints.finish(endpoints.admit(webhook("http://dead.example.com:8080/hooks")),
                    new IOException("Connect timed out"));
        }

        assertThat(endpoints.state("http://dead.example.com:8080/x")).isEqualTo("OPEN");
        assertThatThrownBy(() -> endpoints.admit(webhook("http://dead.example.com:8080/hooks")))
                .isInstanceOf(WebhookEndpointOpenException.class)
                .hasMessage("http://dead.example.com:8080 keeps failing or answering slowly; its breaker is OPEN")
                .extracting("endpoint").isEqualTo("http://dead.example.com:8080");
        assertThat(endpoints.state("http://dead.example.com:9090/hooks")).as("another port is another endpoint")
                .isEqualTo("CLOSED");
    }

    @Test
    void shouldLetADeliveryWaitForABusyEndpointThatAnswersQuickly() throws Exception {
        WebhookEndpoints patient = new WebhookEndpoints(new WebhookEndpointProperties(2, Duration.ofSeconds(30),
                Duration.ofSeconds(5), 50, 4, 4, Duration.ofMinutes(1), 2), parked);
        WebhookEndpoints.Attempt first = patient.admit(webhook("https://busy.example.com/hooks"));
        patient.admit(webhook("https://busy.example.com/hooks"));

        CompletableFuture<WebhookEndpoints.Attempt> third = CompletableFuture.supplyAsync(() -> {
            try {
                return patient.admit(webhook("https://busy.example.com/hooks"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(third).as("no slot is free yet").isNotDone();
        patient.finish(first, null);

        assertThat(third.get(10, TimeUnit.SECONDS)).as("the slot the first post gave back").isNotNull();
    }

    @Test
    void shouldKeepPostsAwayFromAnEndpointThatAnswersSlowly() throws InterruptedException {
        for (int post = 0; post < 4; post++) {
            WebhookEndpoints.Attempt attempt = endpoints.admit(webhook("https://slow.example.com/hooks"));
            endpoints.finish(new WebhookEndpoints.Attempt(attempt.endpoint(), attempt.breaker(), attempt.slots(),
                    attempt.startedNanos() - Duration.ofSeconds(6).toNanos()), null);
        }

        assertThat(endpoints.state("https://slow.example.com/")).isEqualTo("OPEN");
    }

    @Test
    void shouldGiveBackTheSlotOfAPostTheBreakerRefused() throws InterruptedException {
        for (int post = 0; post < 4; post++) {
            endpoints.finish(endpoints.admit(webhook("http://dead.example.com/hooks")), new IOException("refused"));
        }
        for (int refused = 0; refused < 3; refused++) {
            assertThatThrownBy(() -> endpoints.admit(webhook("http://dead.example.com/hooks")))
                    .hasMessageContaining("breaker is OPEN");
        }
    }

    @Test
    void shouldReleaseTrialDeliveriesWhenTheOpenTimeIsOverAndTheRestOnceTheEndpointIsBack() throws Exception {
        WebhookEndpoints recovering = new WebhookEndpoints(new WebhookEndpointProperties(8, Duration.ZERO,
                Duration.ofSeconds(5), 50, 4, 4, Duration.ofMillis(200), 2), parked);
        try {
            for (int post = 0; post < 4; post++) {
                recovering.finish(recovering.admit(webhook("http://back.example.com/hooks")), new IOException("503"));
            }
            assertThat(recovering.state("http://back.example.com/")).isEqualTo("OPEN");
            assertThat(releases).as("nothing is released while the breaker is open").isEmpty();

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !releases.isEmpty());
            assertThat(releases).containsExactly(new Release("http://back.example.com:80", 2));
            assertThat(recovering.state("http://back.example.com/")).isEqualTo("HALF_OPEN");

            for (int trial = 0; trial < 2; trial++) {
                recovering.finish(recovering.admit(webhook("http://back.example.com/hooks")), null);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> releases.size() == 2);
            assertThat(releases.get(1)).isEqualTo(new Release("http://back.example.com:80", Integer.MAX_VALUE));
            assertThat(recovering.state("http://back.example.com/")).isEqualTo("CLOSED");
        } finally {
            recovering.destroy();
        }
    }

    @Test
    void shouldShowEachEndpointsBreakerAndReleaseWhatIsParkedWhenAnOperatorForcesItClosed() throws Exception {
        endpoints.finish(endpoints.admit(webhook("https://b.example.com/hooks")), null);
        endpoints.finish(endpoints.admit(webhook("https://a.example.com/hooks")), null);
        CircuitBreaker forced = endpoints.breakers().get(0);
        assertThat(endpoints.breakers()).extracting(CircuitBreaker::getName)
                .containsExactly("https://a.example.com:443", "https://b.example.com:443");

        forced.transitionToForcedOpenState();
        assertThatThrownBy(() -> endpoints.admit(webhook("https://a.example.com/hooks")))
                .isInstanceOf(WebhookEndpointOpenException.class);
        assertThat(releases).as("nothing is released while an operator keeps it open").isEmpty();
        forced.transitionToDisabledState();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !releases.isEmpty());
        assertThat(releases).containsExactly(new Release("https://a.example.com:443", Integer.MAX_VALUE));
        assertThat(endpoints.admit(webhook("https://a.example.com/hooks"))).isNotNull();
    }

    @Test
    void shouldReleaseEveryParkedDeliveryWhenTheHubStarts() {
        endpoints.releaseParkedBeforeStart();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !releases.isEmpty());
        assertThat(releases).containsExactly(new Release(null, Integer.MAX_VALUE));
    }

    @Test
    void shouldNameAnEndpointWithoutItsPathOrCredentials() {
        assertThat(WebhookEndpoints.endpointOf("https://user:token@hooks.example.com/path?secret=1"))
                .isEqualTo("https://hooks.example.com:443");
        assertThat(WebhookEndpoints.endpointOf("http://127.0.0.1:8081/hooks")).isEqualTo("http://127.0.0.1:8081");
    }

    private static WebhookDelivery webhook(String url) {
        return new WebhookDelivery("wh_1:evt_1", "wh_1", "evt_1", "{}", url, Dialect.V1);
    }

    private record Release(String endpoint, int atMost) {
    }
}
