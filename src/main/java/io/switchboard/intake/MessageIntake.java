package io.switchboard.intake;

import io.switchboard.api.ApiRefusals;
import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.broker.BrokerDisk;
import io.switchboard.model.Message;
import io.switchboard.store.Acceptance;
import io.switchboard.store.MessageStore;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an accepted message and puts it on the outbound queue inside one database transaction, so the row commits
 * only after the broker holds the message (docs/durability.md). The queue send is the {@code enqueue-outbound} route
 * in routes/accept.camel.yaml. A replay is enqueued again under the same duplicate-detection id: the broker keeps
 * one copy, and a copy lost to a crash is restored.
 */
@Component("messageIntake")
public class MessageIntake {

    static final String ENQUEUE = "direct:enqueue-outbound";
    static final int MAX_IDEMPOTENCY_KEY = 255;

    private final MessageStore store;
    private final ProducerTemplate camel;
    private final BrokerDisk brokerDisk;
    private final ApiRefusals refusals;

    public MessageIntake(MessageStore store, ProducerTemplate camel, BrokerDisk brokerDisk, ApiRefusals refusals) {
        this.store = store;
        this.camel = camel;
        this.brokerDisk = brokerDisk;
        this.refusals = refusals;
    }

    /**
     * @param idempotencyKey the client's key for this request (HTTP {@code Idempotency-Key}, or the JMS message id on
     *                       the JMS ingress), or null
     */
    @Transactional
    public Acceptance accept(Message message, String idempotencyKey) {
        if (idempotencyKey != null && idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidRequestException(List.of(new FieldError(FieldPath.of("Idempotency-Key"),
                    "must be at most " + MAX_IDEMPOTENCY_KEY + " characters")));
        }
        // a broker whose disk is full would block the send below, and the request with it, until space is freed
        brokerDisk.refusal().ifPresent(reason -> {
            throw refusals.unavailable(reason);
        });
        Acceptance acceptance = store.accept(message.withIdempotencyKey(idempotencyKey));
        if (acceptance.outcome() != Acceptance.Outcome.CONFLICT) {
            camel.sendBody(ENQUEUE, acceptance.message());
        }
        return acceptance;
    }
}
