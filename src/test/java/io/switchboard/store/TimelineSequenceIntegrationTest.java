package io.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.model.TextContent;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each event of a message gets the next place in its timeline, {@code message.queued} the first; a repeat of an
 * event keeps the place of the first; events recorded at the same time by several threads still get a place each.
 */
class TimelineSequenceIntegrationTest extends HubIntegrationTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @Autowired
    private MessageStore store;

    @Autowired
    private Timeline timeline;

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldPlaceEachEventAfterTheOnesBeforeAndARepeatWhereItFirstWas() {
        Message message = recordedMessage();

        DeliveryEvent sent = timeline.record(event(message, EventType.SENT, "guid-1"));
        DeliveryEvent delivered = timeline.record(event(message, EventType.DELIVERED, "guid-1"));
        DeliveryEvent sentAgain = timeline.record(event(message, EventType.SENT, "guid-1"));

        assertThat(sent.sequence()).as("after message.queued").isEqualTo(2);
        assertThat(delivered.sequence()).isEqualTo(3);
        assertThat(sentAgain.sequence()).as("a repeat keeps its place").isEqualTo(2);
        assertThat(sentAgain.id()).as("the repeat itself is not recorded").isNotEqualTo(sent.id());
    }

    @Test
    void shouldGiveEventsRecordedAtTheSameTimeAPlaceEach() {
        Message message = recordedMessage();

        List<CompletableFuture<DeliveryEvent>> recording = IntStream.range(0, 8)
                .mapToObj(carrierId -> CompletableFuture.supplyAsync(() ->
                        timeline.record(event(message, EventType.DELIVERED, "guid-" + carrierId)), threads))
                .toList();

        assertThat(recording.stream().map(CompletableFuture::join).map(DeliveryEvent::sequence))
                .containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    private Message recordedMessage() {
        Message message = new Message(Ids.messageId(), "demo", Dialect.V1, null, "ag_live_demo", "+4917600000720",
                new TextContent("In order", List.of()), null, null, null, null,
                Map.of("v1.traffic_type", "TRANSACTION"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertThat(store.accept(message).outcome()).isEqualTo(Acceptance.Outcome.RECORDED);
        return message;
    }

    private static DeliveryEvent event(Message message, EventType type, String carrierMessageId) {
        return new DeliveryEvent(Ids.eventId(), type, Instant.now(), message.id(), message.tenantId(), "sandbox-v5",
                carrierMessageId, Channel.RCS, null, Envelope.of(message));
    }
}
