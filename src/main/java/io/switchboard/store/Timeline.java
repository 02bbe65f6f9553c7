package io.switchboard.store;

import static io.switchboard.store.Rows.instant;
import static io.switchboard.store.Rows.utc;

import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.EventType;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every message's timeline: the events recorded for it, each once, and what they move forward (the message's status,
 * the leg a carrier reported delivered).
 */
@Component("timeline")
public class Timeline {

    private final JdbcClient jdbc;
    private final Rows rows;

    public Timeline(JdbcClient jdbc, Rows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
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
        rows.lock(event.messageId());
        DeliveryEvent placed = event.inSequence(nextPlace(event.messageId()));
        if (!rows.insertUnlessPresent(() -> jdbc.sql(INSERT_EVENT).paramSource(row(placed)).update())) {
            // the same fact, recorded by another thread since the look above
            return placeOf(event).map(event::inSequence).orElse(placed);
        }
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

    private long nextPlace(String messageId) {
        return jdbc.sql("SELECT COALESCE(MAX(sequence), 0) + 1 FROM message_events WHERE message_id = :id")
                .param("id", messageId).query(Long.class).single();
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
