package io.switchboard.store;

import static io.switchboard.store.Rows.instant;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one message's whole path ({@link MessagePath}): the message and its trace id, its legs ({@link LegStore}),
 * its timeline ({@link Timeline}), and the carrier calls and webhook attempts {@link PathRecorder} wrote. A call or
 * attempt of the last moments may still wait in the recorder's queue.
 */
@Component
public class MessagePaths {

    private final JdbcClient jdbc;
    private final LegStore legs;
    private final Timeline timeline;

    public MessagePaths(JdbcClient jdbc, LegStore legs, Timeline timeline) {
        this.jdbc = jdbc;
        this.legs = legs;
        this.timeline = timeline;
    }

    /** The message's path, of any tenant; empty for an unknown id. */
    public Optional<MessagePath> find(String messageId) {
        return jdbc.sql("""
                SELECT id, tenant_id, source_dialect, channel, status, created_at, updated_at, trace_id
                FROM messages WHERE id = :id
                """)
                .param("id", messageId)
                .query((rs, row) -> new MessagePath(rs.getString("id"), rs.getString("tenant_id"),
                        Dialect.fromId(rs.getString("source_dialect")), Channel.valueOf(rs.getString("channel")),
                        rs.getString("status"), instant(rs, "created_at"), instant(rs, "updated_at"),
                        rs.getString("trace_id"), List.of(), List.of(), List.of()))
                .optional()
                .map(message -> new MessagePath(message.id(), message.tenant(), message.dialect(), message.channel(),
                        message.status(), message.acceptedAt(), message.updatedAt(), message.traceId(),
                        legs(messageId), timeline.recorded(messageId), webhooks(messageId)));
    }

    private List<MessagePath.LegPath> legs(String messageId) {
        Map<Integer, List<MessagePath.Call>> calls = jdbc.sql("""
                SELECT leg_number, called_at, duration_ms, outcome, http_status, cause FROM carrier_calls
                WHERE message_id = :id ORDER BY called_at
                """)
                .param("id", messageId)
                .query((rs, row) -> Map.entry(rs.getInt("leg_number"), new MessagePath.Call(instant(rs, "called_at"),
                        rs.getLong("duration_ms"), rs.getString("outcome"), rs.getObject("http_status", Integer.class),
                        rs.getString("cause"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.toList())));
        return legs.legsOf(messageId).stream()
                .map(leg -> new MessagePath.LegPath(leg.legNumber(), leg.carrierId(), leg.channel(), leg.status(),
                        leg.carrierMessageId(), leg.reason(), calls.getOrDefault(leg.legNumber(), List.of())))
                .toList();
    }

    private List<MessagePath.WebhookTarget> webhooks(String messageId) {
        Map<String, List<MessagePath.Attempt>> attempts = jdbc.sql("""
                SELECT a.target, a.event_id, e.type, a.attempt, a.attempted_at, a.duration_ms, a.outcome,
                       a.http_status, a.cause
                FROM webhook_attempts a LEFT JOIN message_events e ON e.event_id = a.event_id
                WHERE a.message_id = :id ORDER BY a.attempted_at
                """)
                .param("id", messageId)
                .query((rs, row) -> Map.entry(rs.getString("target"), new MessagePath.Attempt(
                        rs.getString("event_id"), rs.getString("type") == null ? null
                                : EventType.fromWireName(rs.getString("type")), rs.getInt("attempt"),
                        instant(rs, "attempted_at"), rs.getLong("duration_ms"), rs.getString("outcome"),
                        rs.getObject("http_status", Integer.class), rs.getString("cause"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return attempts.entrySet().stream()
                .map(target -> new MessagePath.WebhookTarget(target.getKey(), target.getValue()))
                .toList();
    }
}
