package io.switchboard.module;

import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;

/** An event as a webhook subscriber of one dialect reads it. */
public interface WebhookRendering {

    /**
     * Whether the dialect has a shape for events of this type; its subscribers get no others. Every dialect has one
     * for the events about a sent message's status.
     */
    default boolean renders(EventType type) {
        return type.changesStatus();
    }

    /** The JSON body posted to the subscriber. */
    String payload(DeliveryEvent event, Envelope envelope);
}
