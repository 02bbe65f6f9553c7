package io.switchboard.intake;

import io.switchboard.model.Message;
import io.switchboard.store.Acceptance;
import io.switchboard.store.MessageStore;
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

    private final MessageStore store;
    private final ProducerTemplate camel;

    public MessageIntake(MessageStore store, ProducerTemplate camel) {
        this.store = store;
        this.camel = camel;
    }

    /**
     * @param idempotencyKey the client's key for this request (HTTP {@code Idempotency-Key}, or the JMS message id on
     *                       the JMS ingress), or null
     */
    @Transactional
    public Acceptance accept(Message message, String idempotencyKey) {
        Acceptance acceptance = store.accept(message.withIdempotencyKey(idempotencyKey));
        if (acceptance.outcome() != Acceptance.Outcome.CONFLICT) {
            camel.sendBody(ENQUEUE, acceptance.message());
        }
        return acceptance;
    }
}
