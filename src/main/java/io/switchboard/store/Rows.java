package io.switchboard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.model.Channel;
import io.switchboard.model.Envelope;
import io.switchboard.model.Dialect;
import io.switchboard.model.Message;
import io.switchboard.model.StatusCallback;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the store's classes share about rows, so each rule is written once: the message's row lock that orders a
 * revoke, a leg claim and a delivery against each other, inserts a unique constraint may refuse, JSON columns and UTC
 * timestamps. Its methods run in the caller's transaction.
 */
@Component
class Rows {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    Rows(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ObjectMapper mapper, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.mapper = mapper;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Runs an insert that a unique constraint may refuse, inside a savepoint: PostgreSQL aborts the whole
     * transaction on a constraint violation, so the refusal must not reach the transaction the caller is in.
     *
     * @return false when a unique constraint refused the row
     */
    boolean insertUnlessPresent(Runnable insert) {
        try {
            savepoint.executeWithoutResult(status -> insert.run());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Inserts the rows with one batched statement: the intake's group commit writes each table's rows in one. */
    <T> void insertAll(String insert, List<T> values, Function<T, SqlParameterSource> row) {
        batch.batchUpdate(insert, values.stream().map(row).toArray(SqlParameterSource[]::new));
    }

    /**
     * The message's status, envelope and acceptance time, with its row locked until the transaction ends; null for
     * an unknown one.
     */
    Locked lock(String messageId) {
        return jdbc.sql("""
                SELECT status, sender, recipient, channel, callback_url, source_dialect, created_at FROM messages
                WHERE id = :id FOR UPDATE
                """)
                .param("id", messageId)
                .query((rs, row) -> new Locked(rs.getString("status"), new Envelope(rs.getString("sender"),
                        rs.getString("recipient"), Channel.valueOf(rs.getString("channel")),
                        statusCallback(rs)), instant(rs, "created_at")))
                .optional()
                .orElse(null);
    }

    record Locked(String status, Envelope envelope, Instant acceptedAt) {
    }

    Message message(String json) {
        return fromJson(json, Message.class);
    }

    <T> T fromJson(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + type.getSimpleName() + " does not read back", e);
        }
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " always serializes", e);
        }
    }

    /** The time a row is written, as every timestamp column holds it. */
    OffsetDateTime now() {
        return utc(clock.instant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The message's status callback, from a row with its {@code callback_url} and {@code source_dialect}. */
    static StatusCallback statusCallback(ResultSet rs) throws SQLException {
        String url = rs.getString("callback_url");
        return url == null ? null
                : new StatusCallback(URI.create(url), Dialect.fromId(rs.getString("source_dialect")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
