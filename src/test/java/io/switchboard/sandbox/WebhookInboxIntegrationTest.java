package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.signing.StandardWebhooks;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.webhook.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sandbox's webhook inbox takes only deliveries signed for it (by a subscription whose URL it is, stamped within
 * five minutes), is bounded in inboxes and deliveries, and shows what arrived to operators only.
 */
class WebhookInboxIntegrationTest extends HubIntegrationTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private WebhookSigner signer;

    private final List<String> subscriptions = new ArrayList<>();

    /** Subscribes the inbox of this name; returns the subscription's secret. */
    private String subscribe(String name) {
        return subscribe(name, "v1");
    }

    private String subscribe(String name, String dialect) {
        HubClient.Response subscribed = hub().postJson("/v1/webhooks", Map.of(
                "url", "http://127.0.0.1:" + port + WebhookInbox.PATH + "/" + name,
                "events", List.of("message.delivered"), "dialect", dialect), "Authorization", V1_KEY);
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        subscriptions.add(subscribed.json().path("id").asText());
        return subscribed.json().path("secret").asText();
    }

    /** The context is shared: other tests' messages must not fan out to these subscriptions. */
    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> hub().delete("/v1/webhooks/" + id, "Authorization", V1_KEY));
    }

    private HubClient.Response deliver(String name, String secret, String webhookId, long timestamp) {
        return hub().post(WebhookInbox.PATH + "/" + name, BODY, "Content-Type", "application/json",
                "webhook-id", webhookId, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signer.sign(secret, webhookId, timestamp, BODY));
    }

    private JsonNode received(String name) {
        return hub().get(WebhookInbox.PATH + "/" + name, "Authorization", OPERATOR).json().path("received");
    }

    @Test
    void shouldTakeADeliverySignedForItAndShowItToOperatorsOnly() {
        String secret = subscribe("signed");
        long now = Instant.now().getEpochSecond();

        assertThat(deliver("signed", secret, "evt_1", now).status()).isEqualTo(204);

        assertThat(hub().get(WebhookInbox.PATH + "/signed").status()).isEqualTo(401);
        assertThat(received("signed")).singleElement().satisfies(delivery -> {
            assertThat(delivery.path("body").asText()).isEqualTo("{\"id\":\"evt_1\"}");
            assertThat(delivery.path("headers").path("webhook-id").asText()).isEqualTo("evt_1");
        });
    }

    @Test
    void shouldRefuseWhatNoSubscriptionOfThisInboxSigned() {
        String secret = subscribe("guarded");
        long now = Instant.now().getEpochSecond();

        assertThat(hub().post(WebhookInbox.PATH + "/guarded", BODY, "webhook-id", "evt_1").status())
                .as("unsigned").isEqualTo(401);
        assertThat(deliver("guarded", signer.newSecret(), "evt_1", now).status()).as("another secret").isEqualTo(401);
        assertThat(deliver("guarded", secret, "evt_1", now - 301).status()).as("stale").isEqualTo(401);
        assertThat(deliver("nobody-subscribed-" + now, secret, "evt_1", now).status()).as("another name")
                .isEqualTo(401);
        assertThat(received("guarded")).isEmpty();
        assertThat(received("nobody-subscribed-" + now)).isEmpty();
    }

    @Test
    void shouldTakeAPinnacleSubscribersPostByItsSigningSecretHeader() {
        String secret = subscribe("pinnacle", "pinnacle");
        long now = Instant.now().getEpochSecond();

        assertThat(hub().post(WebhookInbox.PATH + "/pinnacle", BODY, "Content-Type", "application/json",
                "webhook-id", "evt_1", "webhook-timestamp", Long.toString(now),
                "PINNACLE-SIGNING-SECRET", signer.newSecret()).status()).as("another secret").isEqualTo(401);
        assertThat(hub().post(WebhookInbox.PATH + "/pinnacle", BODY, "Content-Type", "application/json",
                "webhook-id", "evt_2", "webhook-timestamp", Long.toString(now),
                "PINNACLE-SIGNING-SECRET", secret).status()).isEqualTo(204);
        assertThat(received("pinnacle")).singleElement().satisfies(delivery -> assertThat(delivery.path("headers")
                .has("pinnacle-signing-secret")).as("the secret is not shown").isFalse());
    }

    @Test
    void shouldTakeAV5StatusCallbackSignedUnderTheTenantsPassword() {
        long now = Instant.now().getEpochSecond();
        String passwordKey = StandardWebhooks.secretOf("sk_dev_v5".getBytes(StandardCharsets.UTF_8));

        assertThat(deliver("v5-callbacks", passwordKey, "evt_1", now).status()).isEqualTo(204);
        assertThat(deliver("v5-callbacks", signer.newSecret(), "evt_2", now).status()).isEqualTo(401);
        assertThat(received("v5-callbacks")).hasSize(1);
    }

    @Test
    void shouldKeepTheLastDeliveriesOfTheInboxesWrittenToLast() {
        String secret = subscribe("busy");
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i <= WebhookInbox.CAPACITY_PER_INBOX; i++) {
            assertThat(deliver("busy", secret, "evt_" + i, now).status()).isEqualTo(204);
        }
        assertThat(received("busy")).hasSize(WebhookInbox.CAPACITY_PER_INBOX);
        assertThat(received("busy").get(0).path("headers").path("webhook-id").asText()).isEqualTo("evt_1");

        for (int i = 0; i < WebhookInbox.MAX_INBOXES; i++) {
            String name = "crowd-" + i;
            assertThat(deliver(name, subscribe(name), "evt_" + i, now).status()).isEqualTo(204);
        }
        assertThat(received("busy")).as("written to longest ago, so gone").isEmpty();
        assertThat(received("crowd-0")).hasSize(1);
    }
}
