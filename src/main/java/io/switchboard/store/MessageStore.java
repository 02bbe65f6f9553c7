package io.switchboard.store;

import static io.switchboard.store.Rows.instant;
import static io.switchboard.store.Rows.utc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.NotFoundException;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.model.Reasons;
import io.switchboard.routing.RoutingRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The hub's record of messages, their carrier legs and their timelines. */
@Component("messageStore")
public class MessageStore {

    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Rows rows;
    private final Timeline timeline;

    private static final String LEG_QUERY = """
            SELECT l.leg_id, l.message_id, m.tenant_id, l.leg_number, l.channel, l.carrier_id,
                   l.carrier_message_id, l.status, l.reason, l.route, m.sender, m.recipient,
                   m.channel AS message_channel
            FROM message_legs l JOIN messages m ON m.id = l.message_id
            """;

    public MessageStore(JdbcClient jdbc, ObjectMapper mapper, Clock clock, Rows rows, Timeline timeline) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
        this.rows = rows;
        this.timeline = timeline;
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
            timeline.insert(queued(message));
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
            timeline.insertAll(recorded.stream().map(submission -> queued(submission.message())).toList());
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
            return message.idempotencyKey() == null ? null : new TenantKey(message.tenantId(), message.idempotencyKey());
        }
    }

    private static final String INSERT_MESSAGE = """
            INSERT INTO messages (id, tenant_id, source_dialect, idempotency_key, request_fingerprint, channel,
                                  sender, recipient, status, status_rank, body, created_at, updated_at)
            VALUES (:id, :tenant, :dialect, :key, :fingerprint, :channel, :sender, :recipient, :status, :rank,
                    :body, :created, :created)
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
                .addValue("status", EventType.QUEUED.statusWord())
                .addValue("rank", EventType.QUEUED.statusRank())
                .addValue("body", submission.json())
                .addValue("created", utc(message.createdAt()));
    }

    private static DeliveryEvent queued(Message message) {
        return new DeliveryEvent(Ids.eventId(), EventType.QUEUED, message.createdAt(), message.id(),
                message.tenantId(), null, null, message.channel(), null, Envelope.of(message));
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
     * Claims leg {@code legNumber} of the message for a carrier send, or returns the claim an earlier attempt made.
     * The unique constraint on (message, leg number) makes the claim safe against concurrent dispatchers; the row lock
     * on the message orders it against {@link #revoke}.
     *
     * @return the leg, or null when the message was revoked and must not be sent
     */
    @Transactional
    public Leg openLeg(Message message, int legNumber, Channel channel, String carrierId, RoutingRules.Route route) {
        return claimLeg(message, legNumber, channel, carrierId, null, route);
    }

    /**
     * Claims leg {@code legNumber} for one claimant, such as the failover request that asks for it: the claimant that
     * first inserts the leg owns it, and gets it back on a retry; any other claimant gets null and must not send it.
     * The unique constraint on (message, leg number) decides between racing claimants. A failover leg (number 2 and
     * up) is not claimed once an earlier leg was reported delivered: {@link Timeline#record} takes the same row lock,
     * so a delivery and a failover claim are ordered, and RCS that arrived first never gets a second leg.
     *
     * <p>A leg the claimant gets back is marked {@code DISPATCHING} before the carrier call. One that already was
     * has been handed to the carrier by an attempt that stopped before its answer was recorded: it is sent again and
     * counted in {@code in_doubt_resends}, since a carrier without idempotency may take it twice.
     *
     * @param claimant who claims the leg; null for the message's own dispatch, which any retry of it may resume
     * @param route    the routing decision the leg carries out, kept with it
     * @return the leg, or null when the message was revoked, the leg belongs to another claimant, or (for a
     *         failover leg) an earlier leg was delivered
     */
    @Transactional
    public Leg claimLeg(Message message, int legNumber, Channel channel, String carrierId, String claimant,
            RoutingRules.Route route) {
        Rows.Locked locked = rows.lock(message.id());
        if (locked == null || EventType.REVOKED.statusWord().equals(locked.status())) {
            return null;
        }
        String legId = Leg.idOf(message.id(), legNumber);
        Optional<Leg> existing = findLeg(legId);
        if (existing.isPresent()) {
            return ownedBy(legId, claimant) ? resumed(existing.get()) : null;
        }
        if (legNumber > 1 && anyLegDelivered(message.id())) {
            return null;
        }
        boolean inserted = rows.insertUnlessPresent(() -> jdbc.sql("""
                INSERT INTO message_legs (leg_id, message_id, leg_number, channel, carrier_id, status, claimed_by,
                                          route, handed_at, created_at, updated_at)
                VALUES (:leg, :message, :number, :channel, :carrier, :status, :claimant, :route, :now, :now, :now)
                """)
                .param("leg", legId)
                .param("message", message.id())
                .param("number", legNumber)
                .param("channel", channel.name())
                .param("carrier", carrierId)
                .param("status", Leg.LegStatus.DISPATCHING.name())
                .param("claimant", claimant)
                .param("route", route == null ? null : rows.json(route))
                .param("now", rows.now())
                .update());
        if (!inserted) {
            return ownedBy(legId, claimant) ? resumed(findLeg(legId).orElseThrow()) : null;
        }
        return new Leg(legId, message.id(), message.tenantId(), legNumber, channel, carrierId, null,
                Leg.LegStatus.DISPATCHING, null, route, locked.envelope());
    }

    private Leg resumed(Leg leg) {
        if (leg.status() == Leg.LegStatus.DISPATCHING) {
            LOG.warn("Leg {} was handed to {} by an attempt that stopped before its answer was recorded; sending it "
                    + "again, which that carrier may take twice unless its dialect deduplicates", leg.legId(),
                    leg.carrierId());
            jdbc.sql("UPDATE message_legs SET in_doubt_resends = in_doubt_resends + 1 WHERE leg_id = :leg")
                    .param("leg", leg.legId())
                    .update();
        } else if (leg.status() == Leg.LegStatus.RETRYING) {
            jdbc.sql("UPDATE message_legs SET status = :status, reason = NULL, handed_at = :now WHERE leg_id = :leg")
                    .param("status", Leg.LegStatus.DISPATCHING.name())
                    .param("now", rows.now())
                    .param("leg", leg.legId())
                    .update();
            return withStatus(leg, Leg.LegStatus.DISPATCHING, null, null);
        }
        return leg;
    }

    /**
     * When the carrier may first have taken the leg: when it was claimed, or resumed after the carrier turned it
     * away; a resend of a leg in doubt keeps the first hand-over's time.
     */
    public Instant handedAt(Leg leg) {
        return jdbc.sql("SELECT handed_at FROM message_legs WHERE leg_id = :leg")
                .param("leg", leg.legId())
                .query((rs, row) -> instant(rs, "handed_at"))
                .single();
    }

    private boolean anyLegDelivered(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM message_legs WHERE message_id = :message AND delivered_at IS NOT NULL")
                .param("message", messageId)
                .query(Integer.class).single() > 0;
    }

    private boolean ownedBy(String legId, String claimant) {
        String owner = jdbc.sql("SELECT claimed_by FROM message_legs WHERE leg_id = :leg").param("leg", legId)
                .query(String.class).optional().orElse(null);
        return Objects.equals(owner, claimant);
    }

    /** True when the carrier reported the leg delivered or read: RCS that arrived needs no failover. */
    public boolean legDelivered(String carrierId, String carrierMessageId) {
        if (carrierMessageId == null) {
            return false;
        }
        return jdbc.sql("""
                SELECT COUNT(*) FROM message_legs
                WHERE carrier_id = :carrier AND carrier_message_id = :carrierMessageId AND delivered_at IS NOT NULL
                """)
                .param("carrier", carrierId)
                .param("carrierMessageId", carrierMessageId)
                .query(Integer.class).single() > 0;
    }

    /**
     * Revokes a message that is still waiting: queued or scheduled, and not yet claimed by a dispatcher.
     *
     * @return the {@code message.revoked} event, already in the timeline
     * @throws NotFoundException if the tenant has no such message or it can no longer be revoked
     */
    @Transactional
    public DeliveryEvent revoke(String tenantId, String messageId) {
        MessageView view = findView(tenantId, messageId)
                .orElseThrow(() -> new NotFoundException("No message " + messageId + " was found."));
        Rows.Locked locked = rows.lock(messageId);
        boolean waiting = locked != null && EventType.QUEUED.statusWord().equals(locked.status())
                && jdbc.sql("SELECT COUNT(*) FROM message_legs WHERE message_id = :id").param("id", messageId)
                        .query(Integer.class).single() == 0;
        if (!waiting) {
            throw new NotFoundException("Message " + messageId + " is no longer queued and cannot be revoked.");
        }
        DeliveryEvent revoked = new DeliveryEvent(Ids.eventId(), EventType.REVOKED, clock.instant(), messageId,
                tenantId, null, null, view.channel(), "revoked by the client", locked.envelope());
        timeline.append(revoked);
        return revoked;
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

    public Optional<Leg> findLeg(String legId) {
        return jdbc.sql(LEG_QUERY + "WHERE l.leg_id = :leg")
                .param("leg", legId)
                .query(this::leg)
                .optional();
    }

    /** The leg a carrier accepted under its own id for it. */
    public Optional<Leg> findLegByCarrierMessageId(String carrierId, String carrierMessageId) {
        return jdbc.sql(LEG_QUERY + "WHERE l.carrier_id = :carrier AND l.carrier_message_id = :carrierMessageId")
                .param("carrier", carrierId)
                .param("carrierMessageId", carrierMessageId)
                .query(this::leg)
                .optional();
    }

    private Leg leg(ResultSet rs, int row) throws SQLException {
        String route = rs.getString("route");
        return new Leg(rs.getString("leg_id"), rs.getString("message_id"), rs.getString("tenant_id"),
                rs.getInt("leg_number"), Channel.valueOf(rs.getString("channel")), rs.getString("carrier_id"),
                rs.getString("carrier_message_id"), Leg.LegStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), route == null ? null : rows.fromJson(route, RoutingRules.Route.class),
                new Envelope(rs.getString("sender"), rs.getString("recipient"),
                        Channel.valueOf(rs.getString("message_channel"))));
    }

    /**
     * Stores the carrier's id for the leg and records its {@code sent} event, in one commit; from now on the leg counts
     * as sent. Publishing the event afterwards records it again as a repeat, which changes nothing.
     */
    @Transactional
    public Leg legAccepted(Leg leg, DeliveryEvent sent) {
        updateLeg(leg.legId(), Leg.LegStatus.ACCEPTED, sent.carrierMessageId(), null);
        timeline.append(sent);
        return withStatus(leg, Leg.LegStatus.ACCEPTED, sent.carrierMessageId(), null);
    }

    @Transactional
    public void legRefused(Leg leg, String reason) {
        updateLeg(leg.legId(), Leg.LegStatus.REFUSED, null, reason);
    }

    /**
     * The carrier did not take the leg this time (a passing failure it answered, or a connection it refused): the
     * next attempt sends it again without counting it as in doubt.
     */
    @Transactional
    public void legRetrying(Leg leg, String reason) {
        updateLeg(leg.legId(), Leg.LegStatus.RETRYING, null, reason);
    }

    private static Leg withStatus(Leg leg, Leg.LegStatus status, String carrierMessageId, String reason) {
        return new Leg(leg.legId(), leg.messageId(), leg.tenantId(), leg.legNumber(), leg.channel(), leg.carrierId(),
                carrierMessageId, status, reason, leg.route(), leg.envelope());
    }

    private void updateLeg(String legId, Leg.LegStatus status, String carrierMessageId, String reason) {
        jdbc.sql("""
                UPDATE message_legs SET status = :status, carrier_message_id = :carrierId, reason = :reason,
                                        updated_at = :now
                WHERE leg_id = :leg
                """)
                .param("status", status.name())
                .param("carrierId", carrierMessageId)
                .param("reason", Reasons.bounded(reason))
                .param("now", rows.now())
                .param("leg", legId)
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
