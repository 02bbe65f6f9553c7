package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.WebhookReceiver;
import io.switchboard.testing.prodstack.FreePorts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A carrier holds a callback the hub does not take and posts it again, as real carriers do, until its max age. */
class SandboxCallbacksTest {

    private SandboxCallbacks callbacks;

    private static SandboxCallbacks retryingFor(Duration maxAge) {
        return new SandboxCallbacks(new SandboxProperties(true, Duration.ofMillis(10), "",
                new SandboxProperties.CallbackRetry(Duration.ofMillis(50), maxAge), 2, null, null, null, null));
    }

    @AfterEach
    void stop() {
        callbacks.destroy();
    }

    @Test
    void shouldPostACallbackAgainUntilTheHubTakesIt() {
        callbacks = retryingFor(Duration.ofMinutes(1));
        try (WebhookReceiver hub = new WebhookReceiver()) {
            // more refusals than the sandbox used to try in all
            hub.failNext(9);

            callbacks.post(URI.create(hub.url()), Map.of("X-Test", "held"),
                    List.of("{\"status\":\"DELIVERED\"}".getBytes(StandardCharsets.UTF_8)));

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.tally().delivered() == 1);
            assertThat(hub.received()).hasSize(10)
                    .allSatisfy(request -> assertThat(request.header("X-Test")).isEqualTo("held"));
            assertThat(callbacks.tally()).isEqualTo(new SandboxCallbacks.Tally(0, 1, 0));
        }
    }

    /**
     * On two cores the JDK client's asynchronous sends started a thread for every completion (CompletableFuture's
     * fallback executor); posts now run on the sandbox's own few threads.
     */
    @Test
    void shouldPostManyCallbacksWithoutAThreadForEach() {
        callbacks = retryingFor(Duration.ofMinutes(1));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int posts = 300;
        try (WebhookReceiver hub = new WebhookReceiver()) {
            long startedBefore = threads.getTotalStartedThreadCount();

            for (int i = 0; i < posts; i++) {
                callbacks.post(URI.create(hub.url()), Map.of(), List.of("{}".getBytes(StandardCharsets.UTF_8)));
            }

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> callbacks.tally().delivered() == posts);
            assertThat(threads.getTotalStartedThreadCount() - startedBefore).isLessThan(posts / 10);
        }
    }

    @Test
    void shouldGiveACallbackUpOnceItsMaxAgeHasPassed() {
        callbacks = retryingFor(Duration.ofMillis(300));

        callbacks.post(URI.create("http://127.0.0.1:" + FreePorts.next() + "/callbacks/v1"), Map.of(),
                List.of("{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(callbacks.tally().pending()).isEqualTo(2);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.tally().givenUp() == 2);
        assertThat(callbacks.tally()).isEqualTo(new SandboxCallbacks.Tally(0, 0, 2));
    }
}
