package io.switchboard.camel;

/** Message headers the hub sets itself; the only application properties it puts on JMS messages. */
public final class Headers {

    /** Hub message id, on every JMS message about a message. */
    public static final String MESSAGE_ID = "SwitchboardMessageId";

    /** Tenant id, on every JMS message about a message. */
    public static final String TENANT_ID = "SwitchboardTenantId";

    /** Why a message is on the dead-letter queue, when the hub put it there or set it aside for expiry. */
    public static final String DEAD_LETTER_REASON = "SwitchboardDeadLetterReason";

    /** The queue a dead letter goes back to when an operator replays it. */
    public static final String ORIGINAL_QUEUE = "SwitchboardOriginalQueue";

    /** The endpoint a parked webhook delivery waits for, which its release selects by. */
    public static final String WEBHOOK_ENDPOINT = "SwitchboardWebhookEndpoint";

    /**
     * The attempts a webhook delivery's earlier copies made, on a copy the hub sent again to honour a subscriber's
     * Retry-After: the broker counts each copy's deliveries from one.
     */
    public static final String WEBHOOK_ATTEMPTS = "SwitchboardWebhookAttempts";

    /** Artemis message groups: all JMS messages of one hub message are consumed in order. */
    public static final String GROUP_ID = "JMSXGroupID";

    /** Artemis duplicate detection: a second send with the same id is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** Artemis scheduled delivery: the message stays on the broker until this time (epoch milliseconds). */
    public static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

    private Headers() {
    }
}
