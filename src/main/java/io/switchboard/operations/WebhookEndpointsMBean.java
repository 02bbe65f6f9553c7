package io.switchboard.operations;

import java.util.List;
import java.util.Map;

/** {@code io.switchboard:type=WebhookEndpoints}: the circuit breakers of the webhook endpoints. */
@Description("The circuit breaker of each webhook endpoint (scheme, host and port) the hub has posted to since it"
        + " started; deliveries to an endpoint whose breaker is open wait, parked, until it lets posts through")
public interface WebhookEndpointsMBean {

    @Description("Each endpoint's breaker: state, failure rate, calls and failed calls in its window, calls kept away")
    List<Map<String, Object>> getEndpoints();

    @Description("Keeps every post away from the endpoint until reset; its deliveries wait, parked. Returns the new"
            + " state.")
    String forceOpen(@Description("the endpoint, as Endpoints names it: https://hooks.example.com:443") String endpoint);

    @Description("Lets every post to the endpoint through, whatever fails, until reset; parked deliveries go back to"
            + " the delivery queue. Returns the new state.")
    String forceClosed(@Description("the endpoint, as Endpoints names it") String endpoint);

    @Description("Back to normal: CLOSED with its counts cleared, parked deliveries back on the delivery queue. Returns"
            + " the new state.")
    String reset(@Description("the endpoint, as Endpoints names it") String endpoint);
}
