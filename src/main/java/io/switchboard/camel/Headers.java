package io.switchboard.camel;

/** Message headers the hub sets itself; the only application properties it puts on JMS messages. */
public final class Headers {

    /** Hub message id, on every JMS message about a message. */
    public static final String MESSAGE_ID = "SwitchboardMessageId";

    /** Tenant id, on every JMS message about a message. */
    public static final String TENANT_ID = "SwitchboardTenantId";

    /** Artemis message groups: all JMS messages of one hub message are consumed in order. */
    public static final String GROUP_ID = "JMSXGroupID";

    /** Artemis duplicate detection: a second send with the same id is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** Artemis scheduled delivery: the broker holds the message back until this time (epoch milliseconds). */
    public static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

    private Headers() {
    }
}
