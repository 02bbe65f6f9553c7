package io.switchboard.operations;

/** {@code io.switchboard:type=Carriers,name=<carrier id>}: one carrier of {@code switchboard.carriers}. */
@Description("A carrier of switchboard.carriers: where the hub sends, and the circuit breaker around its calls")
public interface CarrierMBean {

    @Description("The carrier API's dialect: v5, v1, pinnacle or channels")
    String getDialect();

    @Description("The carrier's API root (without credentials)")
    String getBaseUrl();

    @Description("CLOSED: calls go through; OPEN: failures keep calls away for a while, then HALF_OPEN lets trial calls"
            + " decide; FORCED_OPEN or DISABLED (forced closed): an operator decided, until reset")
    String getBreakerState();

    @Description("Percentage of failed calls in the breaker's window; -1 until the window holds its minimum of calls")
    float getFailureRate();

    @Description("Calls in the breaker's window")
    int getCalls();

    @Description("Failed calls in the breaker's window (no answer, or an answer saying try later)")
    int getFailedCalls();

    @Description("Calls the breaker kept away from the carrier since it last opened")
    long getNotPermittedCalls();

    @Description("Keeps every call away from the carrier until reset: RCS fails over where its rule says so, the rest"
            + " waits on the broker. Returns the new state.")
    String forceOpen();

    @Description("Lets every call through, whatever fails, until reset. Returns the new state.")
    String forceClosed();

    @Description("Back to normal: CLOSED with its counts cleared, opening again on failures. Returns the new state.")
    String reset();
}
