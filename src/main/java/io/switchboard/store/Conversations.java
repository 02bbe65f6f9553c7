package io.switchboard.store;

import static io.switchboard.store.Rows.instant;
import static io.switchboard.store.Rows.utc;

import io.switchboard.model.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' conversations with a tenant's business senders: a user's message opens one for
 * {@code switchboard.conversations.session-length} (24 hours, as RCS Business Messaging and v1 count a session), or
 * keeps the open one open that long again; it ends when that time lapses without one.
 */
@Component("conversations")
public class Conversations {

    private final JdbcClient jdbc;
    private final Rows rows;
    private final Clock clock;
    private final Duration sessionLength;

    public Conversations(JdbcClient jdbc, Rows rows, Clock clock,
            @Value("${switchboard.conversations.session-length:24h}") Duration sessionLength) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.clock = clock;
        this.sessionLength = sessionLength;
    }

    /**
     * A user's message to the agent: the conversation it opens, or the open one, now open until the session length
     * from {@code at}; an open one whose time lapsed before the message is ended first, and a new one opened. Two
     * first messages at once open one conversation: the second finds the first's.
     *
     * @param userMessage the carrier's id of the user's message: the same message again (a carrier's retry) is
     *                    still the one that opened its conversation
     */
    @Transactional
    public Reply receive(String tenantId, String agent, String user, String messageId, Instant at,
            String userMessage) {
        Instant expiresAt = at.plus(sessionLength);
        Optional<Conversation> open = open(tenantId, agent, user, true);
        Conversation lapsed = null;
        if (open.isPresent() && open.get().expiresAt().isAfter(at)) {
            return new Reply(extend(open.get(), messageId, expiresAt), openedBy(open.get().id(), userMessage), null);
        }
        if (open.isPresent()) {
            lapsed = end(open.get());
        }
        Conversation started = new Conversation(Ids.conversationId(), tenantId, agent, user, messageId, at, expiresAt,
                null);
        boolean inserted = rows.insertUnlessPresent(() -> jdbc.sql("""
                INSERT INTO conversations (id, tenant_id, agent, user_number, message_id, open_key, opened_by,
                                           started_at, expires_at)
                VALUES (:id, :tenant, :agent, :user, :message, :key, :openedBy, :started, :expires)
                """)
                .param("id", started.id())
                .param("tenant", tenantId)
                .param("agent", agent)
                .param("user", user)
                .param("message", messageId)
                .param("key", openKey(tenantId, agent, user))
                .param("openedBy", userMessage)
                .param("started", utc(at))
                .param("expires", utc(expiresAt))
                .update());
        if (!inserted) {
            Conversation opened = open(tenantId, agent, user, true).orElseThrow(() -> new IllegalStateException(
                    "A conversation was opened and ended at once for " + tenantId + " and " + agent));
            return new Reply(extend(opened, messageId, expiresAt), openedBy(opened.id(), userMessage), lapsed);
        }
        return new Reply(started, true, lapsed);
    }

    private boolean openedBy(String conversationId, String userMessage) {
        return jdbc.sql("SELECT 1 FROM conversations WHERE id = :id AND opened_by = :userMessage")
                .param("id", conversationId)
                .param("userMessage", userMessage)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    private Conversation extend(Conversation open, String messageId, Instant expiresAt) {
        jdbc.sql("UPDATE conversations SET expires_at = :expires, message_id = :message WHERE id = :id")
                .param("expires", utc(expiresAt))
                .param("message", messageId)
                .param("id", open.id())
                .update();
        return new Conversation(open.id(), open.tenantId(), open.agent(), open.user(), messageId, open.startedAt(),
                expiresAt, null);
    }

    /** Whether the agent may write to the user as part of a conversation now. */
    public boolean isOpen(String tenantId, String agent, String user) {
        return current(tenantId, agent, user).isPresent();
    }

    /** The agent's conversation with the user, while it is open. */
    public Optional<Conversation> current(String tenantId, String agent, String user) {
        Instant now = clock.instant();
        return open(tenantId, agent, user, false).filter(conversation -> conversation.expiresAt().isAfter(now));
    }

    /** Ends every conversation whose time lapsed; returns them, each ended once however many hubs ask. */
    @Transactional
    public List<Conversation> endLapsed() {
        List<Conversation> lapsed = jdbc.sql("""
                SELECT * FROM conversations WHERE ended_at IS NULL AND expires_at <= :now
                ORDER BY expires_at FETCH FIRST 500 ROWS ONLY FOR UPDATE
                """)
                .param("now", rows.now())
                .query(Conversations::conversation)
                .list();
        List<Conversation> ended = new ArrayList<>(lapsed.size());
        for (Conversation conversation : lapsed) {
            ended.add(end(conversation));
        }
        return ended;
    }

    private Conversation end(Conversation conversation) {
        jdbc.sql("UPDATE conversations SET ended_at = expires_at, open_key = NULL WHERE id = :id")
                .param("id", conversation.id())
                .update();
        return new Conversation(conversation.id(), conversation.tenantId(), conversation.agent(), conversation.user(),
                conversation.messageId(), conversation.startedAt(), conversation.expiresAt(),
                conversation.expiresAt());
    }

    private Optional<Conversation> open(String tenantId, String agent, String user, boolean lock) {
        return jdbc.sql("SELECT * FROM conversations WHERE open_key = :key" + (lock ? " FOR UPDATE" : ""))
                .param("key", openKey(tenantId, agent, user))
                .query(Conversations::conversation)
                .optional();
    }

    private static String openKey(String tenantId, String agent, String user) {
        return tenantId + "|" + agent + "|" + user;
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getString("id"), rs.getString("tenant_id"), rs.getString("agent"),
                rs.getString("user_number"), rs.getString("message_id"), instant(rs, "started_at"),
                instant(rs, "expires_at"), rs.getObject("ended_at") == null ? null : instant(rs, "ended_at"));
    }

    /**
     * What a user's message did to their conversation.
     *
     * @param conversation the conversation it belongs to, open
     * @param started      whether it opened that conversation (the first time, or again when its carrier sent it again)
     * @param lapsed       the conversation it ended because its time had lapsed unnoticed, or null
     */
    public record Reply(Conversation conversation, boolean started, Conversation lapsed) {
    }
}
