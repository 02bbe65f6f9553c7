package io.switchboard.store;

import static io.switchboard.store.Rows.instant;
import static io.switchboard.store.Rows.utc;

import io.switchboard.metrics.HubMetrics;
import io.switchboard.metrics.HubMetrics.DeliveryStage;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every message's timeline: the events recorded for it, each once, and what they move forward (the message's status,
 * the leg a carrier reported delivered). What it records is counted once committed: each event by its type, and the
 * time from a message's acceptance to its first {@code message.sent} and its first {@code message.delivered}.
 */
@Component("timeline")
public class Timeline {

    private final JdbcClient jdbc;
    private final Rows rows;
    private final HubMetrics metrics;

    public Timeline(JdbcClient jdbc, Rows rows, HubMetrics metrics) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.metrics = metrics;
    }

    /**
     * Records an event as it is published, in one transaction: a delivery or read the carrier reported is noted on its
     * leg (the failover decision reads it there), and the event joins the message's timeline at the next place,
     * moving the status forward if it is further along. The message's row lock orders a delivery against a failover
     * claim ({@link LegStore#claimLeg}) and gives each event of a message its own place. An event whose
     * {@link DeliveryEvent#dedupeKey()} is already in the timeline is a repeat and changes nothing.
     *
     * @return the event at its place in the timeline; a repeat at the place of the first
     */
    @Transactional
    public DeliveryEvent record(DeliveryEvent event) {
        boolean arrived = event.type() == EventType.DELIVERED || event.type() == EventType.READ;
        if (arrived && event.carrier() != null && event.carrierMessageId() != null) {
            rows.lock(event.messageId());
            recordDelivery(event);
        }
        return append(event);
    }

    private void recordDelivery(DeliveryEvent event) {
        jdbc.sql("""
                UPDATE message_legs SET delivered_at = :at
                WHERE carrier_id = :carrier AND carrier_message_id = :carrierMessageId AND delivered_at IS NULL
                """)
                .param("at", rows.now())
                .param("carrier", event.carrier())
                .param("carrierMessageId", event.carrierMessageId())
                .update();
    }

    /**
     * {@link #record} without the delivery note and in the caller's transaction, for the events a store method commits
     * with its own change: a leg's {@code sent} with the carrier's id, a revoke with the check that allowed it.
     */
    DeliveryEvent append(DeliveryEvent event) {
        Optional<Long> recorded = placeOf(event);
        if (recorded.isPresent()) {
            return event.inSequence(recorded.get());
        }
        Rows.Locked message = rows.lock(event.messageId());
        DeliveryStage stage = event.type() == EventType.SENT ? DeliveryStage.SENT
                : event.type() == EventType.DELIVERED ? DeliveryStage.DELIVERED : null;
        Place place = nextPlace(event.messageId(), stage == null ? null : event.type());
        DeliveryEvent placed = event.inSequence(place.sequence());
        if (!rows.insertUnlessPresent(() -> jdbc.sql(INSERT_EVENT).paramSource(row(placed)).update())) {
            // the same fact, recorded by another thread since the look above
            return placeOf(event).map(event::inSequence).orElse(placed);
        }
        Duration sinceAccepted = stage != null && place.firstOfItsType() && message != null
                ? Duration.between(message.acceptedAt(), event.occurredAt()) : null;
        onCommit(() -> {
            metrics.eventRecorded(event.type());
            if (sinceAccepted != null) {
                metrics.deliveryLatency(event.carrier(), event.channel(), stage, sinceAccepted);
            }
        });
        if (event.type().changesStatus()) {
            jdbc.sql("""
                    UPDATE messages SET status = :status, status_rank = :rank, updated_at = :now
                    WHERE id = :id AND status_rank < :rank
                    """)
                    .param("status", event.type().statusWord())
                    .param("rank", event.type().statusRank())
                    .param("now", rows.now())
                    .param("id", event.messageId())
                    .update();
        }
        return placed;
    }

    /**
     * The place of the event's fact in the timeline, when it is there already. A repeat is looked for first: the
     * events a producer records before it publishes them come back as repeats, and a refused insert costs a savepoint
     * and an exception.
     */
    private Optional<Long> placeOf(DeliveryEvent event) {
        return jdbc.sql("SELECT sequence FROM message_events WHERE dedupe_key = :dedupe")
                .param("dedupe", event.dedupeKey()).query(Long.class).optional();
    }

    /**
     * The next place in the message's timeline; with a type, also whether the timeline holds no event of that type
     * yet, found by the same statement.
     */
    private Place nextPlace(String messageId, EventType type) {
        if (type == null) {
            return new Place(jdbc.sql("""
                    SELECT COALESCE(MAX(sequence), 0) + 1 FROM message_events WHERE message_id = :id
                    """).param("id", messageId).query(Long.class).single(), false);
        }
        return jdbc.sql("""
                SELECT COALESCE(MAX(sequence), 0) + 1, COUNT(CASE WHEN type = :type THEN 1 END)
                FROM message_events WHERE message_id = :id
                """)
                .param("id", messageId)
                .param("type", type.wireName())
                .query((rs, row) -> new Place(rs.getLong(1), rs.getLong(2) == 0))
                .single();
    }

    private record Place(long sequence, boolean firstOfItsType) {
    }

    /** Counts once the caller's transaction commits: a rolled back event is recorded again, and counted then. */
    private static void onCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }

    private static final String INSERT_EVENT = """
            INSERT INTO message_events (event_id, message_id, dedupe_key, type, occurred_at, recorded_at, carrier_id,
                                        carrier_message_id, channel, reason, sequence)
            VALUES (:id, :message, :dedupe, :type, :occurred, :recorded, :carrier, :carrierId, :channel, :reason,
                    :sequence)
            """;

    /**
     * The intake's group commit: one batched statement, in the caller's transaction. No repeat is looked for, since
     * the events are the first of messages recorded in the same transaction.
     */
    void insertAll(List<DeliveryEvent> events) {
        rows.insertAll(INSERT_EVENT, events, this::row);
        onCommit(() -> events.forEach(event -> metrics.eventRecorded(event.type())));
    }

    private SqlParameterSource row(DeliveryEvent event) {
        return new MapSqlParameterSource()
                .addValue("id", event.id())
                .addValue("message", event.messageId())
                .addValue("dedupe", event.dedupeKey())
                .addValue("type", event.type().wireName())
                .addValue("occurred", utc(event.occurredAt()))
                .addValue("recorded", rows.now())
                .addValue("carrier", event.carrier())
                .addValue("carrierId", event.carrierMessageId())
                .addValue("channel", event.channel() == null ? null : event.channel().name())
                .addValue("reason", event.reason())
                .addValue("sequence", event.sequence());
    }

    /** The message's timeline in its order, as recorded, for its path. */
    List<MessagePath.Event> recorded(String messageId) {
        return jdbc.sql("""
                SELECT sequence, event_id, type, occurred_at, recorded_at, carrier_id, carrier_message_id, channel,
                       reason
                FROM message_events WHERE message_id = :id ORDER BY sequence, occurred_at
                """)
                .param("id", messageId)
                .query((rs, row) -> new MessagePath.Event(rs.getInt("sequence"), rs.getString("event_id"),
                        EventType.fromWireName(rs.getString("type")), instant(rs, "occurred_at"),
                        instant(rs, "recorded_at"), rs.getString("carrier_id"), rs.getString("carrier_message_id"),
                        rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
                        rs.getString("reason")))
                .list();
    }

    List<MessageView.TimelineEntry> entries(String messageId) {
        return jdbc.sql("""
                SELECT type, occurred_at, channel, reason FROM message_events
                WHERE message_id = :id ORDER BY occurred_at, recorded_at
                """)
                .param("id", messageId)
                .query((rs, row) -> new MessageView.TimelineEntry(EventType.fromWireName(rs.getString("type")),
                        instant(rs, "occurred_at"),
                        rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
                        rs.getString("reason")))
                .list();
    }
}
