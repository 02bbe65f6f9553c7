package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialect.v5.V5Message;
import io.switchboard.logging.ConfiguredSecrets;
import io.switchboard.sandbox.SandboxCallbacks;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.CarrierCallbacks;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.ProductionLogLevel;
import io.switchboard.testing.TomcatParseErrorsLogged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.sessions.JqwikSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 10's bad-input run: generated bad requests ({@link BadRequests}) over real HTTP against every kind of
 * endpoint. None may be answered 5xx or 2xx, none may leave a message, leg, event or subscription in the database or
 * a message on any queue, and no secret, configured or sent, may appear in the log (Tomcat's included). 1,000 requests
 * in the normal build; {@code -Dswitchboard.bad-input.requests=10000} for the full run, and
 * {@code -Dswitchboard.bad-input.seed=<seed>} to send again the requests of a run that failed (each run prints its
 * seed).
 *
 * <p>A context of its own, so no other test's messages move the counts while the requests are sent. The log it reads is
 * the hub's at its production level ({@link ProductionLogLevel}), from the context's start.
 */
@ExtendWith({OutputCaptureExtension.class, ProductionLogLevel.class, TomcatParseErrorsLogged.class})
// its context's start at INFO too, even as the JVM's first context (which reloads logback-test.xml, at WARN)
@TestPropertySource(properties = "logging.level.root=INFO")
class BadInputIntegrationTest extends HubIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(BadInputIntegrationTest.class);
    private static final int REQUESTS = Integer.getInteger("switchboard.bad-input.requests", 1000);
    private static final long SEED = Long.getLong("switchboard.bad-input.seed", new Random().nextLong());

    private static final List<String> QUEUES = List.of("switchboard.outbound", "switchboard.failover",
            "switchboard.ingress", "switchboard.webhooks", "switchboard.webhook.deliveries");
    /** Queues that keep what they receive, so only their totals can be compared. */
    private static final List<String> PARKING_QUEUES = List.of("switchboard.dlq", "switchboard.ingress.invalid");
    private static final List<String> TABLES = List.of("messages", "message_legs", "message_events",
            "webhook_subscriptions");

    @Autowired
    private SandboxLedger sandbox;

    @Autowired
    private SandboxCallbacks sandboxCallbacks;

    @Autowired
    private ConfigurableEnvironment environment;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "bad-input");
    }

    @Test
    void shouldRefuseEveryBadRequestWith4xxAndLeaveNoTraceAndNoSecretInTheLog(CapturedOutput log) {
        LOG.info("bad-input: {} requests, seed {} (-Dswitchboard.bad-input.seed={} sends them again)", REQUESTS,
                SEED, SEED);
        CarrierCallbacks callbacks = new CarrierCallbacks(hub(), port, v5LegPath());
        awaitQuiet();
        Map<String, Long> before = footprint();

        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        List<String> notRefused = new ArrayList<>();
        BadRequests requests = new BadRequests(SEED, callbacks);
        // a jqwik session lets BodyMutations' generators run inside a Spring test
        JqwikSession.run(String.valueOf(SEED), () -> {
            for (int i = 0; i < REQUESTS; i++) {
                BadRequests.BadRequest request = requests.next();
                int status = request.send().applyAsInt(hub());
                statuses.computeIfAbsent(request.endpoint(), endpoint -> new TreeMap<>())
                        .merge(status, 1, Integer::sum);
                if (status < 400 || status >= 500) {
                    notRefused.add(status + " for request " + i + ", " + request);
                }
            }
        });

        LOG.info("bad-input: answers by endpoint and status: {}", statuses);
        assertThat(notRefused).as("every bad request is refused with a 4xx (seed " + SEED + ")").isEmpty();
        // the broker counts a message once its journal write completes, which can trail the answer
        eventually().during(Duration.ofMillis(500)).until(this::footprint, before::equals);
        List<String> secrets = Stream.concat(ConfiguredSecrets.secrets(environment).stream(),
                requests.credentialsUsed().stream()).filter(secret -> secret.length() >= 8).distinct().toList();
        assertThat(secrets).as("the secrets looked for").contains("sk_dev_pinnacle", "sk_dev_v1", "sk_dev_v5");
        String logged = log.getAll();
        assertThat(secrets.stream().filter(logged::contains)).as("secrets in the log (seed " + SEED + ")").isEmpty();
        LOG.info("bad-input: {} requests, 0 answered 5xx or 2xx, nothing recorded or enqueued ({}), none of {} secrets"
                + " in {} log lines; seed {}", REQUESTS, before, secrets.size(), logged.lines().count(), SEED);
    }

    /**
     * The callback path of a real v5 leg: a message to the v5 sandbox's …02, which sends no callback and does not
     * fail over (config/routing.yaml), so a signed v5 callback reaches its reader.
     */
    private String v5LegPath() {
        String recipient = "+15557409902";
        String messageId = sendV1(recipient);
        eventually().until(() -> timeline(messageId), List.of("queued", "sent")::equals);
        String url = sandbox.entries().stream().filter(entry -> entry.recipient().equals(recipient.substring(1)))
                .map(entry -> ((V5Message) entry.request()).callbackURL()).findFirst().orElseThrow();
        return url.substring(url.indexOf("/callbacks/v5"));
    }

    /** Until nothing the hub started is still under way: every queue drained, no sandbox callback pending. */
    private void awaitQuiet() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> QUEUES.stream().allMatch(queue -> messagesWaiting(queue) == 0)
                        && sandboxCallbacks.tally().pending() == 0);
    }

    /** What the hub holds: messages ever put on each queue, rows of each table. */
    private Map<String, Long> footprint() {
        Map<String, Long> footprint = new LinkedHashMap<>();
        Stream.concat(QUEUES.stream(), PARKING_QUEUES.stream())
                .forEach(queue -> footprint.put(queue, messagesAdded(queue)));
        TABLES.forEach(table -> footprint.put(table, rows(table)));
        return footprint;
    }
}
