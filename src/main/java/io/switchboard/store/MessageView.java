package io.switchboard.store;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import java.time.Instant;
import java.util.List;

/** A message as the store knows it now: its current status and its timeline, oldest event first. */
public record MessageView(String id, String tenantId, Dialect sourceDialect, Channel channel, String sender,
        String recipient, String status, Instant createdAt, Instant updatedAt, List<TimelineEntry> events) {

    public record TimelineEntry(EventType type, Instant occurredAt, Channel channel, String reason) {
    }
}
