package io.switchboard.module;

import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Envelope;
import io.switchboard.model.EventType;
import io.switchboard.tenant.TenantProperties.TenantConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An event as a webhook subscriber of one dialect reads it, and the proof that the hub sent it. */
public interface WebhookRendering {

    /**
     * Whether the dialect has a shape for events of this type; its subscribers get no others. Every dialect has one
     * for the events about a sent message's status, and for a user's messages and typing.
     */
    default boolean renders(EventType type) {
        return type.changesStatus() || type == EventType.RECEIVED || type == EventType.USER_TYPING;
    }

    /** The JSON body posted to the subscriber. */
    String payload(DeliveryEvent event, Envelope envelope);

    /**
     * The headers by which the dialect's subscribers check that the hub posted these exact bytes.
     *
     * @param secrets the subscription's secrets in force, the newest first: while a secret is rotated, the old one
     *                still signs
     */
    Map<String, String> signatureHeaders(List<String> secrets, String webhookId, long timestampSeconds, byte[] body);

    /** The names of every header {@link #signatureHeaders} may set: the only ones a webhook post lets out. */
    Set<String> signatureHeaderNames();

    /**
     * The secret that signs the status callbacks a client of this dialect asked for with a message (v5's
     * {@code callbackURL}), from the tenant's credentials; empty when the dialect has no such callbacks or the tenant
     * no credentials in it.
     */
    default Optional<String> statusCallbackSecret(TenantConfig tenant) {
        return Optional.empty();
    }
}
