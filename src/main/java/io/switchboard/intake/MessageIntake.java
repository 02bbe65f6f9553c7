package io.switchboard.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.ApiRefusals;
import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.broker.BrokerDisk;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.model.Message;
import io.switchboard.store.Acceptance;
import io.switchboard.store.MessageStore;
import io.switchboard.store.Submission;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records an accepted message and puts it on the outbound queue; the database commits only after the broker holds
 * the message (docs/durability.md). Messages accepted at the same moment share one commit of each ({@link
 * GroupCommit}). A replay is enqueued again under the same duplicate-detection id: the broker keeps one copy, and a
 * copy lost to a crash is restored.
 */
@Component("messageIntake")
public class MessageIntake {

    static final int MAX_IDEMPOTENCY_KEY = 255;
    /** Longer than a commit of the intake takes, even one waiting for the database's pool and its group flush. */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(5);

    private final GroupCommit groupCommit;
    private final MessageStore store;
    private final ObjectMapper mapper;
    private final BrokerDisk brokerDisk;
    private final ApiRefusals refusals;
    private final HubMetrics metrics;

    MessageIntake(GroupCommit groupCommit, MessageStore store, ObjectMapper mapper, BrokerDisk brokerDisk,
            ApiRefusals refusals, HubMetrics metrics) {
        this.groupCommit = groupCommit;
        this.store = store;
        this.mapper = mapper;
        this.brokerDisk = brokerDisk;
        this.refusals = refusals;
        this.metrics = metrics;
    }

    /**
     * @param idempotencyKey the client's key for this request (HTTP {@code Idempotency-Key}, or the JMS message id on
     *                       the JMS ingress), or null
     * @param traceParent    the W3C {@code traceparent} of the span accepting it, which the message carries on its
     *                       queue; null outside a trace
     */
    public Acceptance accept(Message message, String idempotencyKey, String traceParent) {
        if (idempotencyKey != null && idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidRequestException(List.of(new FieldError(FieldPath.of("Idempotency-Key"),
                    "must be at most " + MAX_IDEMPOTENCY_KEY + " characters")));
        }
        // a broker whose disk is full would block the send below, and the request with it, until space is freed
        brokerDisk.refusal().ifPresent(reason -> {
            throw refusals.unavailable(reason);
        });
        // serialized here, on the request's own thread, so the writers' commits hold only the writes
        Acceptance acceptance = groupCommit.submit(Submission.of(message.withIdempotencyKey(idempotencyKey), mapper,
                traceParent));
        Message kept = acceptance.message();
        if (acceptance.outcome() == Acceptance.Outcome.RECORDED) {
            metrics.accepted(kept.tenantId(), kept.sourceDialect(), kept.channel());
        } else if (acceptance.outcome() == Acceptance.Outcome.REPLAY) {
            metrics.replayed(kept.tenantId(), kept.sourceDialect());
        }
        return acceptance;
    }

    /**
     * Dispatch's check that a message it took from the outbound queue is recorded, and its repair when it is not (the
     * intake enqueues before its commit, so a crash between the two leaves a queued message without its row). The
     * broker may hand dispatch a message whose commit is still under way: that commit is waited for, so the message
     * is looked up by its key once, not recorded a second time.
     */
    public Acceptance ensureRecorded(Message message) throws InterruptedException {
        groupCommit.awaitCommit(message.id(), COMMIT_WAIT);
        return store.ensureRecorded(message);
    }
}
