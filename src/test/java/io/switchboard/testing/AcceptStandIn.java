package io.switchboard.testing;

import io.switchboard.model.Message;
import io.switchboard.store.Acceptance;
import org.apache.camel.component.mock.MockEndpoint;

/**
 * The shared accept route ({@code accept.camel.yaml}) replaced by a mock in an ingress route's test: the mock answers
 * as accept-message does, with the message the hub keeps as the body and what recording it found in the variable
 * {@code acceptance}.
 */
public final class AcceptStandIn {

    private AcceptStandIn() {
    }

    /** Records every message it is given. */
    public static MockEndpoint recording(MockEndpoint accept) {
        return answering(accept, Acceptance.Outcome.RECORDED, null);
    }

    /** Answers with {@code original}, the message the request's Idempotency-Key named before. */
    public static MockEndpoint replaying(MockEndpoint accept, Message original) {
        return answering(accept, Acceptance.Outcome.REPLAY, original);
    }

    private static MockEndpoint answering(MockEndpoint accept, Acceptance.Outcome outcome, Message kept) {
        accept.whenAnyExchangeReceived(exchange -> {
            Message message = kept == null ? exchange.getMessage().getBody(Message.class) : kept;
            exchange.setVariable("acceptance", new Acceptance(outcome, message));
            exchange.getMessage().setBody(message);
        });
        return accept;
    }
}
