package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.model.Dialect;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.model.TextContent;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A message with a send time is accepted at once and handed to its carrier no earlier than that time. */
class ScheduledSendIntegrationTest extends HubIntegrationTest {

    @Autowired
    private ProducerTemplate producer;

    @Test
    void shouldHoldAScheduledMessageBackUntilItsSendTime() {
        Instant now = Instant.now();
        Instant sendAt = now.plus(Duration.ofSeconds(2));
        Message scheduled = new Message(Ids.messageId(), "demo", Dialect.V1, null, "ag_live_demo", "+14155550110",
                new TextContent("Your table is ready", List.of()), null, null, null, sendAt, Map.of(), now);

        producer.requestBody("direct:accept-message", scheduled);

        eventually().until(() -> timeline(scheduled.id()).contains("sent"));
        JsonNode sent = StreamSupport.stream(status(scheduled.id()).path("events").spliterator(), false)
                .filter(event -> event.path("type").asText().equals("sent"))
                .findFirst().orElseThrow();
        assertThat(Instant.parse(sent.path("at").asText())).isAfterOrEqualTo(sendAt);
    }
}
