package io.switchboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.PrometheusScrape;
import io.switchboard.testing.WebhookReceiver;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * The business metrics as Prometheus reads them from {@code /actuator/prometheus}, with their exact names and tags,
 * moved by real traffic through the sandbox carriers (docs/operations.md, "Metrics"). The hub's context is shared by
 * every test class, so each test compares the metrics before and after what it does. Where another test's late
 * callbacks or retries may add to a series, the test asks for at least what it caused.
 */
class HubMetricsIntegrationTest extends HubIntegrationTest {

    private static final String ACCEPTED = "switchboard_messages_accepted_total";
    private static final String REFUSED = "switchboard_messages_refused_total";
    private static final String REPLAYS = "switchboard_idempotent_replays_total";
    private static final String CARRIER_SENDS = "switchboard_carrier_sends_total";
    private static final String CARRIER_CALLS = "switchboard_carrier_call_seconds_count";
    private static final String LATENCY = "switchboard_delivery_latency_seconds_count";
    private static final String FAILOVERS = "switchboard_failovers_total";
    private static final String EVENTS = "switchboard_events_total";
    private static final String WEBHOOKS = "switchboard_webhook_deliveries_total";
    private static final String CALLBACKS_REFUSED = "switchboard_callbacks_refused_total";

    @Autowired
    private ConnectionFactory connectionFactory;

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(hub());
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    @Test
    void shouldCountAMessageAcceptedOnceItsReplayApartAndTheTimeToItsSendAndDelivery() {
        PrometheusScrape before = scrape();
        String key = "metrics-" + UUID.randomUUID();

        HubClient.Response first = postV1("+15557400404", "Authorization", V1_KEY, "Idempotency-Key", key);
        HubClient.Response again = postV1("+15557400404", "Authorization", V1_KEY, "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        PrometheusScrape answered = scrape();
        assertThat(delta(before, answered, ACCEPTED, "tenant", "demo", "dialect", "v1", "channel", "rcs"))
                .isEqualTo(1);
        assertThat(delta(before, answered, REPLAYS, "tenant", "demo", "dialect", "v1")).isEqualTo(1);
        assertThat(delta(before, answered, EVENTS, "type", "message.queued")).isEqualTo(1);

        String messageId = first.json().path("message_id").asText();
        eventually().until(() -> timeline(messageId).contains("delivered"));
        eventually().untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(delta(before, after, CARRIER_SENDS, "carrier", "sandbox-v5", "channel", "rcs",
                    "outcome", "accepted", "cause", "none")).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, CARRIER_CALLS, "carrier", "sandbox-v5", "outcome", "accepted"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, LATENCY, "carrier", "sandbox-v5", "channel", "rcs", "stage", "sent"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, LATENCY, "carrier", "sandbox-v5", "channel", "rcs",
                    "stage", "delivered")).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, EVENTS, "type", "message.delivered")).isGreaterThanOrEqualTo(1);
            // histograms Prometheus can take quantiles of
            assertThat(after.has("switchboard_delivery_latency_seconds_bucket", "stage", "delivered", "le", "+Inf"))
                    .isTrue();
            assertThat(after.has("switchboard_carrier_call_seconds_bucket", "carrier", "sandbox-v5", "le", "+Inf"))
                    .isTrue();
        });
    }

    @Test
    void shouldCountRefusalsByTenantDialectAndKindUnknownTenantBeforeLogin() {
        PrometheusScrape before = scrape();

        HubClient.Response invalid = hub().postJson("/v1/messages", "{\"to\":\"12\"}".getBytes(StandardCharsets.UTF_8),
                "Authorization", V1_KEY);
        HubClient.Response wrongKey = postV1("+15557400404", "Authorization", "Bearer sk_nobody");
        HubClient.Response form = hub().post("/v1/messages", "to=1".getBytes(StandardCharsets.UTF_8),
                "Authorization", V1_KEY, "Content-Type", "application/x-www-form-urlencoded");
        HubClient.Response v5WrongLogin = hub().postJson("/v5/messages", "{}".getBytes(StandardCharsets.UTF_8),
                "Authorization", "Basic bm9ib2R5Om5vdGhpbmc=");

        assertThat(List.of(invalid.status(), wrongKey.status(), form.status(), v5WrongLogin.status()))
                .containsExactly(400, 401, 415, 401);
        PrometheusScrape after = scrape();
        assertThat(delta(before, after, REFUSED, "tenant", "demo", "dialect", "v1", "reason", "invalid")).isEqualTo(1);
        assertThat(delta(before, after, REFUSED, "tenant", "unknown", "dialect", "v1", "reason", "unauthorized"))
                .isEqualTo(1);
        assertThat(delta(before, after, REFUSED, "tenant", "unknown", "dialect", "v1", "reason", "unsupported_media"))
                .isEqualTo(1);
        assertThat(delta(before, after, REFUSED, "tenant", "unknown", "dialect", "v5", "reason", "unauthorized"))
                .isEqualTo(1);
        assertThat(delta(before, after, REFUSED)).isEqualTo(4);
        assertThat(delta(before, after, ACCEPTED)).isZero();
    }

    @Test
    void shouldCountARequestBeyondItsTenantsRateUnderThatTenant() {
        PrometheusScrape before = scrape();

        // the other tenant may make 3 requests a second
        List<Integer> statuses = IntStream.range(0, 8)
                .mapToObj(i -> hub().get("/v1/messages/msg_unknown", "Authorization", OTHER_TENANT_V1_KEY).status())
                .toList();

        assertThat(statuses).contains(429).containsOnly(404, 429);
        PrometheusScrape after = scrape();
        assertThat(delta(before, after, REFUSED, "tenant", "other", "dialect", "v1", "reason", "rate_limited"))
                .isEqualTo(statuses.stream().filter(status -> status == 429).count());
        assertThat(delta(before, after, REFUSED, "tenant", "other", "dialect", "v1", "reason", "not_found"))
                .isEqualTo(statuses.stream().filter(status -> status == 404).count());
    }

    @Test
    void shouldCountAJmsIngressMessageInNoDialectTheHubSpeaks() throws Exception {
        PrometheusScrape before = scrape();
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(15_000);

        Message reply = jms.sendAndReceive("switchboard.ingress", session -> {
            TextMessage message = session.createTextMessage("{}");
            message.setStringProperty("SwitchboardDialect", "telex");
            return message;
        });

        assertThat(reply).as("a reply arrived").isNotNull();
        assertThat(reply.getIntProperty("SwitchboardStatus")).isEqualTo(400);
        assertThat(delta(before, scrape(), REFUSED, "tenant", "unknown", "dialect", "jms", "reason",
                "unknown_dialect")).isEqualTo(1);
    }

    @Test
    void shouldCountCarrierRefusalsAndRetriesByCauseAndTheFailoverARefusalCauses() {
        PrometheusScrape before = scrape();

        // the v5 sandbox refuses ...00 as not RCS-capable (400), and answers ...03 with 503 twice; a number without a
        // rule of its own fails over by the default, to SMS through sandbox-channels
        String refused = postV1("+15559140100", "Authorization", V1_KEY).json().path("message_id").asText();
        String flaky = postV1("+15557400403", "Authorization", V1_KEY).json().path("message_id").asText();

        eventually().until(() -> timeline(refused).contains("delivered") && timeline(flaky).contains("delivered"));
        eventually().untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(delta(before, after, CARRIER_SENDS, "carrier", "sandbox-v5", "channel", "rcs",
                    "outcome", "refused", "cause", "http_400")).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, CARRIER_SENDS, "carrier", "sandbox-v5", "channel", "rcs",
                    "outcome", "retried", "cause", "http_503")).isGreaterThanOrEqualTo(2);
            assertThat(delta(before, after, CARRIER_CALLS, "carrier", "sandbox-v5", "outcome", "retried"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(delta(before, after, FAILOVERS, "trigger", "refused", "channel", "sms"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, CARRIER_SENDS, "carrier", "sandbox-channels", "channel", "sms",
                    "outcome", "accepted", "cause", "none")).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, EVENTS, "type", "message.failover")).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void shouldCountEachWebhookAttemptByItsOutcomeNumberAndDialect() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscription = subscribe(receiver.url(), List.of("message.delivered")).path("id").asText();
            PrometheusScrape before = scrape();
            receiver.failNext(1);

            String messageId = postV1("+15557400404", "Authorization", V1_KEY).json().path("message_id").asText();

            eventually().until(() -> receiver.attemptsAbout(messageId).size() == 2
                    && receiver.about(messageId, "message.delivered").size() == 1);
            eventually().untilAsserted(() -> {
                PrometheusScrape after = scrape();
                assertThat(delta(before, after, WEBHOOKS, "outcome", "retried", "attempt", "1", "dialect", "v1"))
                        .isGreaterThanOrEqualTo(1);
                assertThat(delta(before, after, WEBHOOKS, "outcome", "delivered", "attempt", "2", "dialect", "v1"))
                        .isGreaterThanOrEqualTo(1);
            });
            hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY);
        }
    }

    @Test
    void shouldCountCallbacksTheirVerificationRefusesByDialectAndFlaw() {
        PrometheusScrape before = scrape();
        byte[] body = "{\"type\":\"message.delivered\"}".getBytes(StandardCharsets.UTF_8);

        List<Integer> statuses = List.of(
                hub().postJson("/callbacks/v1", body, "X-Arowana-Signature", "sha256=00ff").status(),
                hub().postJson("/callbacks/v1", body).status(),
                hub().postJson("/callbacks/v5?leg=msg_x-1&token=AAAA", body).status(),
                hub().postJson("/callbacks/pinnacle", body, "PINNACLE-SIGNING-SECRET", "not-the-secret").status());

        assertThat(statuses).containsOnly(401);
        PrometheusScrape after = scrape();
        assertThat(delta(before, after, CALLBACKS_REFUSED, "dialect", "v1", "reason", "signature")).isEqualTo(1);
        assertThat(delta(before, after, CALLBACKS_REFUSED, "dialect", "v1", "reason", "missing")).isEqualTo(1);
        assertThat(delta(before, after, CALLBACKS_REFUSED, "dialect", "v5", "reason", "token")).isEqualTo(1);
        assertThat(delta(before, after, CALLBACKS_REFUSED, "dialect", "pinnacle", "reason", "signature"))
                .isEqualTo(1);
        assertThat(delta(before, after, REFUSED)).as("callbacks are not client requests").isZero();
    }
}
