package io.switchboard.module;

import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;

/** An event as a webhook subscriber of one dialect reads it. */
public interface WebhookRendering {

    /** The JSON body posted to the subscriber. */
    String payload(DeliveryEvent event, Envelope envelope);
}
