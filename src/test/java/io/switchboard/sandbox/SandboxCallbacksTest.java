package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.WebhookReceiver;
import io.switchboard.testing.prodstack.FreePorts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
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
     * fallback executor); posts now run on the sandbox's own few threads. Only threads started in the sandbox's own
     * thread group count: the JVM is shared with cached hubs whose listener containers start threads of their own.
     */
    @Test
    void shouldPostManyCallbacksWithoutAThreadForEach() throws Exception {
        ThreadGroup sandboxThreads = new ThreadGroup("sandbox-callbacks-test-" + System.nanoTime());
        int posts = 300;
        try (RecordingStream threadStarts = new RecordingStream(); WebhookReceiver hub = new WebhookReceiver()) {
            Set<String> startedInGroup = ConcurrentHashMap.newKeySet();
            threadStarts.enable("jdk.ThreadStart");
            threadStarts.onEvent("jdk.ThreadStart", start -> {
                RecordedThread thread = start.getThread("thread");
                if (thread != null && thread.getThreadGroup() != null
                        && sandboxThreads.getName().equals(thread.getThreadGroup().getName())) {
                    startedInGroup.add(thread.getJavaName());
                }
            });
            threadStarts.startAsync();

            runIn(sandboxThreads, "posting", () -> {
                callbacks = retryingFor(Duration.ofMinutes(1));
                for (int i = 0; i < posts; i++) {
                    callbacks.post(URI.create(hub.url()), Map.of(), List.of("{}".getBytes(StandardCharsets.UTF_8)));
                }
            });
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> callbacks.tally().delivered() == posts);
            // the recording reaches its listener in chunks: a thread started last shows that all before it are in
            runIn(sandboxThreads, "last", () -> { });
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> startedInGroup.contains("last"));

            assertThat(startedInGroup).contains("posting").anyMatch(name -> name.startsWith("sandbox-callbacks-"))
                    .hasSizeLessThan(posts / 10);
        }
    }

    private static void runIn(ThreadGroup group, String name, Runnable work) throws InterruptedException {
        Thread thread = new Thread(group, work, name);
        thread.start();
        thread.join();
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
