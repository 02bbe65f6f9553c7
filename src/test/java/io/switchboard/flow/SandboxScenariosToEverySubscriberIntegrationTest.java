package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.switchboard.dialect.v1.V1Signatures;
import io.switchboard.model.EventType;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sandbox scenario (the rows of the README's table, the user's reply included) through every sandbox carrier
 * dialect, watched by a subscriber of each payload dialect subscribed to every event: each gets every event of the
 * message's timeline its dialect has a shape for, exactly once per {@code webhook-id}, verified as its clients
 * verify (v1 and v5 with the Standard Webhooks library, v1's {@code sha256=} header by its rule, Pinnacle by its
 * signing-secret header), though the v1 subscriber is down (answers 503) for its first posts.
 */
class SandboxScenariosToEverySubscriberIntegrationTest extends HubIntegrationTest {

    private static final List<String> EVERY_EVENT = Arrays.stream(EventType.values()).map(EventType::wireName)
            .toList();
    private static final Map<String, String> CARRIER_PREFIXES = Map.of("v5", "+1555740", "pinnacle", "+1555710",
            "v1", "+1555720", "channels", "+1555730");
    private static final List<String> ROWS = List.of("00", "01", "02", "03", "04", "05", "06", "07");

    /** The user a post is about, as each payload dialect names them (v5 without the plus). */
    private static final Map<String, Function<JsonNode, String>> USER = Map.of(
            "v1", post -> post.path("data").has("from") ? post.path("data").path("from").asText()
                    : post.path("data").path("to").asText(),
            "pinnacle", post -> "INBOUND".equals(post.path("direction").asText())
                    || "USER.TYPING".equals(post.path("type").asText())
                    ? post.path("conversation").path("from").asText() : post.path("conversation").path("to").asText(),
            "v5", post -> "+" + (post.has("inReplyTo") ? post.path("source") : post.path("destination")).asText());

    /** Which events each payload dialect has a shape for. */
    private static final Map<String, Set<String>> RENDERED = Map.of(
            "v1", Set.copyOf(EVERY_EVENT),
            "pinnacle", statusesAnd(EventType.RECEIVED, EventType.USER_TYPING),
            "v5", statusesAnd(EventType.RECEIVED, EventType.USER_TYPING));

    private final Map<String, WebhookReceiver> receivers = Map.of("v1", new WebhookReceiver(),
            "pinnacle", new WebhookReceiver(), "v5", new WebhookReceiver());
    private final Map<String, String> secrets = new HashMap<>();
    private final List<String> subscriptions = new ArrayList<>();

    static Stream<Arguments> scenarios() {
        return CARRIER_PREFIXES.entrySet().stream().flatMap(carrier -> ROWS.stream()
                .map(row -> Arguments.of(carrier.getKey(), row, carrier.getValue() + "05" + row)));
    }

    @AfterEach
    void unsubscribe() {
        for (String subscription : subscriptions) {
            assertThat(hub().delete("/v1/webhooks/" + subscription, "Authorization", V1_KEY).status()).isEqualTo(204);
        }
        receivers.values().forEach(WebhookReceiver::close);
    }

    @ParameterizedTest(name = "row {1} through the {0} sandbox carrier")
    @MethodSource("scenarios")
    void shouldGiveEachSubscriberEveryEventOfTheScenarioOncePerWebhookIdVerified(String carrier, String row,
            String recipient) {
        receivers.forEach(this::subscribe);
        // two refusals: fewer than would open the endpoint's breaker (half of its first five posts), which parks
        // deliveries for longer than this test waits
        receivers.get("v1").failNext(2);

        String messageId = ExampleMessages.send(hub(), ExampleMessages.Credentials.DEMO, "v1", recipient);

        eventually().until(() -> timeline(messageId), events -> events.size() >= 2);
        for (String dialect : receivers.keySet()) {
            eventually().alias(dialect + " subscriber")
                    .until(() -> accepted(dialect, recipient).size() == expected(dialect, messageId).size()
                            && settled(carrier, row, timeline(messageId)));
        }
        for (String dialect : receivers.keySet()) {
            List<WebhookReceiver.Received> accepted = accepted(dialect, recipient);
            assertThat(accepted.stream().collect(Collectors.groupingBy(post -> post.header("webhook-id"),
                    Collectors.counting())).values()).as("%s: once per webhook-id", dialect)
                    .allMatch(count -> count == 1);
            assertThat(accepted).as("%s: one post per event of the timeline", dialect)
                    .hasSize(expected(dialect, messageId).size());
            accepted.forEach(post -> assertVerified(dialect, post));
        }
    }

    /**
     * The scenario's last event is in the timeline, so no more is coming: RCS trouble (rows 00 to 02) and failed SMS
     * (06) end failed, or sent for the silent row; SMS and MMS get through those rows; a read receipt (04) and a reply
     * (07) come last where they come.
     */
    private static boolean settled(String carrier, String row, List<String> events) {
        boolean rcs = !carrier.equals("channels");
        if (events.contains("failed")) {
            return true;
        }
        if (row.equals("02") && rcs) {
            return events.contains("sent");
        }
        if (row.equals("07")) {
            return events.contains("received");
        }
        return events.contains("delivered") && (!row.equals("04") || !rcs || events.contains("read"));
    }

    private List<String> expected(String dialect, String messageId) {
        return timeline(messageId).stream().map(SandboxScenariosToEverySubscriberIntegrationTest::wireName)
                .filter(RENDERED.get(dialect)::contains).toList();
    }

    private List<WebhookReceiver.Received> accepted(String dialect, String recipient) {
        return receivers.get(dialect).received().stream()
                .filter(post -> post.answeredWith() < 300)
                .filter(post -> USER.get(dialect).apply(post.json()).equals(recipient))
                .toList();
    }

    private void assertVerified(String dialect, WebhookReceiver.Received post) {
        String secret = secrets.get(dialect);
        if (dialect.equals("pinnacle")) {
            assertThat(post.header("PINNACLE-SIGNING-SECRET")).isEqualTo(secret);
            return;
        }
        assertThatCode(() -> new Webhook(secret).verify(post.body(), post.headers()))
                .as("%s post %s", dialect, post.body()).doesNotThrowAnyException();
        if (dialect.equals("v1")) {
            assertThat(post.header(V1Signatures.HEADER))
                    .isEqualTo(V1Signatures.sign(secret, post.body().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void subscribe(String dialect, WebhookReceiver receiver) {
        List<String> events = EVERY_EVENT.stream().filter(RENDERED.get(dialect)::contains).toList();
        HubClient.Response created = hub().postJson("/v1/webhooks", Map.of("url", receiver.url(), "events", events,
                "dialect", dialect), "Authorization", V1_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscriptions.add(created.json().path("id").asText());
        secrets.put(dialect, created.json().path("secret").asText());
    }

    /** A timeline word ({@code delivered}, {@code started}) as the event it stands for. */
    private static String wireName(String word) {
        return Arrays.stream(EventType.values()).filter(type -> type.statusWord().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event for " + word)).wireName();
    }

    private static Set<String> statusesAnd(EventType... others) {
        return Stream.concat(Arrays.stream(EventType.values()).filter(EventType::changesStatus), Arrays.stream(others))
                .map(EventType::wireName).collect(Collectors.toSet());
    }
}
