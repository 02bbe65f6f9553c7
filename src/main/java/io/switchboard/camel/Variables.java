package io.switchboard.camel;

/**
 * Names of the exchange variables the routes in {@code routes/} and the beans they call share. Variables live only
 * inside the hub: they never become HTTP or JMS headers.
 */
public final class Variables {

    /** The {@link io.switchboard.tenant.Tenant} whose credentials came with the request. */
    public static final String TENANT = "tenant";

    /** The canonical {@link io.switchboard.model.Message} being accepted or dispatched. */
    public static final String MESSAGE = "message";

    /** The {@link io.switchboard.carrier.CarrierConnector} the dispatch route picked. */
    public static final String CARRIER = "carrier";

    /**
     * The {@link io.switchboard.model.FailoverPlan} an RCS carrier gets with the message to run failover itself (a
     * routing rule's failover mode {@code carrier}), or absent.
     */
    public static final String CARRIER_FAILOVER = "carrierFailover";

    /** The {@link io.switchboard.store.Leg} a carrier call or callback is about. */
    public static final String LEG = "leg";

    /** How a carrier answered, a {@link io.switchboard.carrier.CarrierOutcome}. */
    public static final String OUTCOME = "outcome";

    private Variables() {
    }
}
