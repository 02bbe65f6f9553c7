package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.camel.Headers;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.WebhookReceiver;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/**
 * A broker consumer's acknowledgement and the messages it sends while handling the consumed one are one commit: when
 * that commit fails, the consumed message stays on its queue. A hub killed between two separate commits (the
 * acknowledgement first, the sends after) would lose the sends for good; here the broker refusing the sends at commit
 * (a duplicate delivery id, seeded on purpose) opens the same gap deterministically, on the webhook fan-out.
 */
class ConsumerTransactionIntegrationTest extends HubIntegrationTest {

    private static final String WEBHOOKS_QUEUE = "switchboard.webhooks";
    private static final String DELIVERIES = "switchboard.webhook.deliveries";
    /** A property of the injected event only, so its own fan-out attempts are counted. */
    private static final String PROBE = "SwitchboardProbe";

    @Autowired
    private CamelContext camel;

    @Autowired
    private ConnectionFactory connectionFactory;

    @Autowired
    private ObjectMapper mapper;

    @Autowired
    private JdbcClient jdbc;

    private WebhookReceiver receiver;
    private String subscriptionId;
    private String messageId;

    @BeforeEach
    void subscribe() {
        receiver = new WebhookReceiver();
        subscriptionId = subscribe(receiver.url(), List.of("message.read")).path("id").asText();
    }

    @AfterEach
    void unsubscribe() {
        removeFromQueue(WEBHOOKS_QUEUE, PROBE + " IS NOT NULL");
        assertThat(hub().delete("/v1/webhooks/" + subscriptionId, "Authorization", V1_KEY).status()).isEqualTo(204);
        receiver.close();
    }

    @Test
    void shouldKeepAConsumedEventWhoseFanOutCannotCommit() throws Exception {
        messageId = sendV1("+4917612340771");
        eventually().until(() -> timeline(messageId).contains("delivered"));
        String tenantId = jdbc.sql("SELECT tenant_id FROM messages WHERE id = :id").param("id", messageId)
                .query(String.class).single();
        DeliveryEvent read = new DeliveryEvent(Ids.eventId(), EventType.READ, Instant.now(), messageId, tenantId,
                "sandbox-v5", "cm_" + messageId, Channel.RCS, null, null);
        String seededDelivery = mapper.writeValueAsString(Map.of("id", "seeded", "subscriptionId", "wh_deleted",
                "webhookId", read.id(), "payload", "{}"));
        String event = mapper.writeValueAsString(read);
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        // the fan-out's delivery for this event and subscription is already known to the broker
        jms.send(DELIVERIES, session -> {
            TextMessage seeded = session.createTextMessage(seededDelivery);
            seeded.setStringProperty(Headers.DUPLICATE_ID, subscriptionId + ":" + read.id());
            return seeded;
        });
        NotifyBuilder redelivered = new NotifyBuilder(camel).fromRoute("webhook-fan-out")
                .filter(exchange -> read.id().equals(exchange.getMessage().getHeader(PROBE))
                        && exchange.getMessage().getHeader("JMSXDeliveryCount", 1, Integer.class) > 1)
                .whenDone(1).create();

        jms.setPubSubDomain(true);
        jms.send("switchboard.events", session -> {
            TextMessage published = session.createTextMessage(event);
            published.setStringProperty("SwitchboardMessageId", messageId);
            published.setStringProperty(Headers.GROUP_ID, messageId);
            published.setStringProperty(PROBE, read.id());
            return published;
        });

        assertThat(redelivered.matches(20, TimeUnit.SECONDS))
                .as("the event, never acknowledged, comes back for another fan-out after its commit failed").isTrue();
    }
}
