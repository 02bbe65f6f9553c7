package io.switchboard.events;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.store.Leg;
import io.switchboard.store.MessageStore;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The events the hub raises itself, as opposed to those a carrier reports. */
@Component("deliveryEvents")
public class DeliveryEvents {

    private final Clock clock;
    private final MessageStore store;

    public DeliveryEvents(Clock clock, MessageStore store) {
        this.clock = clock;
        this.store = store;
    }

    /**
     * The carrier accepted the leg the hub handed it at {@code handedAt}. The event carries that time, recorded on the
     * leg before the call, so no report of the carrier's about the leg can predate it.
     */
    public DeliveryEvent sent(Leg leg, String carrierMessageId, Instant handedAt) {
        return leg.event(EventType.SENT, handedAt, carrierMessageId, null);
    }

    /** The carrier refused the leg for good. */
    public DeliveryEvent failed(Leg leg, String reason) {
        return leg.event(EventType.FAILED, clock.instant(), leg.carrierMessageId(), reason);
    }

    /**
     * The broker's attempts at sending the message are spent (the carrier stayed unavailable); the message is on the
     * dead-letter queue. Null for a message the hub has not stored.
     */
    public DeliveryEvent attemptsSpent(String messageId, String reason) {
        return messageId == null ? null : store.findMessage(messageId).map(message -> new DeliveryEvent(Ids.eventId(),
                EventType.FAILED, clock.instant(), message.id(), message.tenantId(), null, null, message.channel(),
                "retries exhausted, moved to the dead-letter queue: " + reason, Envelope.of(message))).orElse(null);
    }

    /** The hub cannot send the message: no carrier serves its channel. */
    public DeliveryEvent noCarrier(Message message) {
        return new DeliveryEvent(Ids.eventId(), EventType.FAILED, clock.instant(), message.id(), message.tenantId(),
                null, null, message.channel(), "no carrier is configured for " + message.channel(),
                Envelope.of(message));
    }

    /**
     * The routing rule picked a carrier that cannot carry the message's channel, and no leg fits it; the reason names
     * the rule, which is where an operator changes it.
     */
    public DeliveryEvent cannotCarry(Message message, CarrierConnector carrier, String rule) {
        return new DeliveryEvent(Ids.eventId(), EventType.FAILED, clock.instant(), message.id(), message.tenantId(),
                carrier.id(), null, message.channel(), "carrier " + carrier.id() + " (" + carrier.dialect().id()
                        + "), chosen by routing rule '" + rule + "', does not carry " + message.channel()
                        + " and the message has no leg it carries", Envelope.of(message));
    }
}
