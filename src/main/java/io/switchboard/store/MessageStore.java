package io.switchboard.store;

import static io.switchboard.store.Rows.instant;
import static io.switchboard.store.Rows.utc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.NotFoundException;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub's record of messages: accepting each once per idempotency key, reading it back with its timeline, and the
 * two changes made to a message outside its carrier's events (a client's revoke, an operator's replay).
 */
@Component("messageStore")
public class MessageStore {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Rows rows;
    private final Timeline timeline;
    private final LegStore legs;

    public MessageStore(JdbcClient jdbc, ObjectMapper mapper, Clock clock, Rows rows, Timeline timeline,
            LegStore legs) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
        this.rows = rows;
        this.timeline = timeline;
        this.legs = legs;
    }

    /**
     * Records an accepted message and its {@code queued} event. The unique constraint on (tenant, idempotency key)
     * decides between concurrent requests with the same key; the loser learns whether it repeated the winner's request
     * or sent a different one.
     */
    @Transactional
    public Acceptance accept(Message message) {
        return accept(Submission.of(message, mapper));
    }

    /** {@link #accept(Message)} for a message already serialized. */
    @Transactional
    public Acceptance accept(Submission submission) {
        Message message = submission.message();
        boolean inserted = rows.insertUnlessPresent(() -> jdbc.sql(INSERT_MESSAGE).paramSource(messageRow(submission))
                .update());
        if (inserted) {
            timeline.insertAll(List.of(submission.queued()));
            return new Acceptance(Acceptance.Outcome.RECORDED, message);
        }
        if (exists(message.id())) {
            return new Acceptance(Acceptance.Outcome.ALREADY_RECORDED, message);
        }
        Recorded holder = recordedHolder(TenantKey.of(message)).orElseThrow();
        return holder.answer(submission);
    }

    /**
     * Records a batch of new messages and their {@code queued} events in the caller's transaction, one batched
     * statement per table: the intake's group commit. Idempotency keys are resolved against the recorded messages and
     * within the batch, so a key repeated in the batch is recorded once and answered as a replay or a conflict.
     *
     * @return one acceptance per submission, in their order
     * @throws org.springframework.dao.DuplicateKeyException when another transaction recorded one of the keys since
     *                                                       they were looked up; the caller rolls the batch back and
     *                                                       records its messages one by one
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Acceptance> acceptAll(List<Submission> submissions) {
        Map<TenantKey, Recorded> holders = recordedHolders(submissions);
        List<Acceptance> outcomes = new ArrayList<>(submissions.size());
        List<Submission> recorded = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            TenantKey key = TenantKey.of(submission.message());
            Recorded holder = key == null ? null : holders.get(key);
            if (holder != null) {
                outcomes.add(holder.answer(submission));
                continue;
            }
            if (key != null) {
                holders.put(key, new Recorded(submission.message(), submission.fingerprint()));
            }
            recorded.add(submission);
            outcomes.add(new Acceptance(Acceptance.Outcome.RECORDED, submission.message()));
        }
        if (!recorded.isEmpty()) {
            rows.insertAll(INSERT_MESSAGE, recorded, this::messageRow);
            timeline.insertAll(recorded.stream().map(Submission::queued).toList());
        }
        return outcomes;
    }

    /**
     * The recorded messages holding the batch's keys, one lookup by the unique index each: H2 answers a list of keys
     * ({@code idempotency_key IN (…)}) by scanning every message of the tenant.
     */
    private Map<TenantKey, Recorded> recordedHolders(List<Submission> submissions) {
        Map<TenantKey, Recorded> holders = new HashMap<>();
        for (Submission submission : submissions) {
            TenantKey key = TenantKey.of(submission.message());
            if (key != null && !holders.containsKey(key)) {
                recordedHolder(key).ifPresent(holder -> holders.put(key, holder));
            }
        }
        return holders;
    }

    private Optional<Recorded> recordedHolder(TenantKey key) {
        return jdbc.sql("""
                SELECT body, request_fingerprint FROM messages WHERE tenant_id = :tenant AND idempotency_key = :key
                """)
                .param("tenant", key.tenant())
                .param("key", key.key())
                .query((rs, row) -> new Recorded(rows.message(rs.getString("body")),
                        rs.getString("request_fingerprint")))
                .optional();
    }

    private record TenantKey(String tenant, String key) {

        static TenantKey of(Message message) {
            return message.idempotencyKey() == null ? null
                    : new TenantKey(message.tenantId(), message.idempotencyKey());
        }
    }

    private static final String INSERT_MESSAGE = """
            INSERT INTO messages (id, tenant_id, source_dialect, idempotency_key, request_fingerprint, channel,
                                  sender, recipient, callback_url, status, status_rank, body, created_at, updated_at,
                                  trace_id)
            VALUES (:id, :tenant, :dialect, :key, :fingerprint, :channel, :sender, :recipient, :callbackUrl, :status,
                    :rank, :body, :created, :created, :traceId)
            """;

    private SqlParameterSource messageRow(Submission submission) {
        Message message = submission.message();
        return new MapSqlParameterSource()
                .addValue("id", message.id())
                .addValue("tenant", message.tenantId())
                .addValue("dialect", message.sourceDialect().id())
                .addValue("key", message.idempotencyKey())
                .addValue("fingerprint", submission.fingerprint())
                .addValue("channel", message.channel().name())
                .addValue("sender", message.sender())
                .addValue("recipient", message.recipient())
                .addValue("callbackUrl", message.callbackUrl() == null ? null : message.callbackUrl().toString())
                .addValue("status", EventType.QUEUED.statusWord())
                .addValue("rank", EventType.QUEUED.statusRank())
                .addValue("body", submission.json())
                .addValue("created", utc(message.createdAt()))
                .addValue("traceId", submission.traceId());
    }

    private record Recorded(Message message, String fingerprint) {

        Acceptance answer(Submission repeated) {
            return new Acceptance(repeated.sameRequestAs(fingerprint)
                    ? Acceptance.Outcome.REPLAY : Acceptance.Outcome.CONFLICT, message);
        }
    }

    /**
     * Dispatch's check before it sends: a message whose ingress transaction did not commit after the broker took it
     * is recorded now, as {@link #accept} would have. Nearly every message was recorded by its ingress, so the usual
     * cost is one primary-key lookup, not a second accept (fingerprint, an insert refused by the key).
     */
    @Transactional
    public Acceptance ensureRecorded(Message message) {
        return exists(message.id()) ? new Acceptance(Acceptance.Outcome.ALREADY_RECORDED, message) : accept(message);
    }

    /**
     * The message a user's reply through a carrier answers: the one the carrier names (a tapped suggestion names its
     * message), else the last one that carrier took for that user; empty when it took none, so no tenant wrote to them
     * there.
     *
     * @param inReplyTo the carrier's id of the answered message, or null
     */
    public Optional<Message> answeredBy(String carrierId, String user, String inReplyTo) {
        Optional<Message> named = inReplyTo == null ? Optional.empty() : jdbc.sql("""
                SELECT m.body FROM message_legs l JOIN messages m ON m.id = l.message_id
                WHERE l.carrier_id = :carrier AND l.carrier_message_id = :carrierMessageId
                """)
                .param("carrier", carrierId)
                .param("carrierMessageId", inReplyTo)
                .query(String.class)
                .optional()
                .map(rows::message);
        return named.or(() -> jdbc.sql("""
                SELECT m.body FROM messages m
                WHERE m.recipient = :user AND EXISTS (SELECT 1 FROM message_legs l WHERE l.message_id = m.id
                      AND l.carrier_id = :carrier AND l.carrier_message_id IS NOT NULL)
                ORDER BY m.created_at DESC FETCH FIRST 1 ROWS ONLY
                """)
                .param("user", user)
                .param("carrier", carrierId)
                .query(String.class)
                .optional()
                .map(rows::message));
    }

    public Optional<Message> findMessage(String messageId) {
        return jdbc.sql("SELECT body FROM messages WHERE id = :id")
                .param("id", messageId)
                .query(String.class)
                .optional()
                .map(rows::message);
    }

    /**
     * The message with its timeline.
     *
     * @throws NotFoundException if it does not exist or belongs to another tenant
     */
    public MessageView view(String tenantId, String messageId) {
        return findView(tenantId, messageId)
                .orElseThrow(() -> new NotFoundException("No message " + messageId + " was found."));
    }

    /** The message with its timeline, if it exists and belongs to the tenant. */
    public Optional<MessageView> findView(String tenantId, String messageId) {
        Optional<MessageView> message = jdbc.sql("""
                SELECT id, tenant_id, source_dialect, channel, sender, recipient, status, created_at, updated_at
                FROM messages WHERE id = :id AND tenant_id = :tenant
                """)
                .param("id", messageId)
                .param("tenant", tenantId)
                .query((rs, row) -> new MessageView(rs.getString("id"), rs.getString("tenant_id"),
                        Dialect.fromId(rs.getString("source_dialect")), Channel.valueOf(rs.getString("channel")),
                        rs.getString("sender"), rs.getString("recipient"), rs.getString("status"),
                        instant(rs, "created_at"), instant(rs, "updated_at"), List.of()))
                .optional();
        return message.map(view -> new MessageView(view.id(), view.tenantId(), view.sourceDialect(), view.channel(),
                view.sender(), view.recipient(), view.status(), view.createdAt(), view.updatedAt(),
                timeline.entries(messageId)));
    }

    /**
     * Revokes a message that is still waiting: queued or scheduled, and not yet claimed by a dispatcher.
     *
     * @return the {@code message.revoked} event, already in the timeline, at its place there
     * @throws NotFoundException if the tenant has no such message or it can no longer be revoked
     */
    @Transactional
    public DeliveryEvent revoke(String tenantId, String messageId) {
        MessageView view = findView(tenantId, messageId)
                .orElseThrow(() -> new NotFoundException("No message " + messageId + " was found."));
        Rows.Locked locked = rows.lock(messageId);
        boolean waiting = locked != null && EventType.QUEUED.statusWord().equals(locked.status())
                && !legs.anyClaimed(messageId);
        if (!waiting) {
            throw new NotFoundException("Message " + messageId + " is no longer queued and cannot be revoked.");
        }
        DeliveryEvent revoked = new DeliveryEvent(Ids.eventId(), EventType.REVOKED, clock.instant(), messageId,
                tenantId, null, null, view.channel(), "revoked by the client", locked.envelope());
        return timeline.append(revoked);
    }

    /**
     * Puts a failed message back to {@code queued} when an operator replays it from the dead-letter queue, so the
     * events of the new attempt move its status forward; its timeline keeps the failure.
     */
    @Transactional
    public void requeue(String messageId) {
        jdbc.sql("""
                UPDATE messages SET status = :queued, status_rank = :rank, updated_at = :now
                WHERE id = :id AND status = :failed
                """)
                .param("queued", EventType.QUEUED.statusWord())
                .param("rank", EventType.QUEUED.statusRank())
                .param("failed", EventType.FAILED.statusWord())
                .param("now", rows.now())
                .param("id", messageId)
                .update();
    }

    private boolean exists(String messageId) {
        return jdbc.sql("SELECT 1 FROM messages WHERE id = :id")
                .param("id", messageId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }
}
