package io.switchboard.store;

import static io.switchboard.store.Rows.instant;

import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Message;
import io.switchboard.model.Reasons;
import io.switchboard.routing.RoutingRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carrier legs of messages: who claims each send, what the carrier answered, and whether it reported the message
 * delivered.
 */
@Component("legStore")
public class LegStore {

    private static final Logger LOG = LoggerFactory.getLogger(LegStore.class);

    private final JdbcClient jdbc;
    private final Rows rows;
    private final Timeline timeline;

    private static final String LEG_QUERY = """
            SELECT l.leg_id, l.message_id, m.tenant_id, l.leg_number, l.channel, l.carrier_id,
                   l.carrier_message_id, l.status, l.reason, l.route, m.sender, m.recipient,
                   m.channel AS message_channel, m.callback_url, m.source_dialect
            FROM message_legs l JOIN messages m ON m.id = l.message_id
            """;

    public LegStore(JdbcClient jdbc, Rows rows, Timeline timeline) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.timeline = timeline;
    }

    /**
     * Claims leg {@code legNumber} of the message for a carrier send, or returns the claim an earlier attempt made.
     * The unique constraint on (message, leg number) makes the claim safe against concurrent dispatchers; the row lock
     * on the message orders it against {@link MessageStore#revoke}.
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

    /** True once a dispatcher claimed a leg of the message: it is no longer waiting. */
    boolean anyClaimed(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM message_legs WHERE message_id = :id").param("id", messageId)
                .query(Integer.class).single() > 0;
    }

    public Optional<Leg> findLeg(String legId) {
        return jdbc.sql(LEG_QUERY + "WHERE l.leg_id = :leg")
                .param("leg", legId)
                .query(this::leg)
                .optional();
    }

    /** The message's legs, first to last. */
    public List<Leg> legsOf(String messageId) {
        return jdbc.sql(LEG_QUERY + "WHERE l.message_id = :message ORDER BY l.leg_number")
                .param("message", messageId)
                .query(this::leg)
                .list();
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
                        Channel.valueOf(rs.getString("message_channel")), Rows.statusCallback(rs)));
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
}
