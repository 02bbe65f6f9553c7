package io.switchboard.webhook;

/**
 * A delivery whose endpoint's breaker keeps posts away: it is parked until the endpoint is tried again, not retried
 * on its own (see {@link ParkedWebhooks}).
 */
public class WebhookEndpointOpenException extends WebhookEndpointUnavailableException {

    private final String endpoint;

    WebhookEndpointOpenException(String endpoint, String state) {
        super(endpoint + " keeps failing or answering slowly; its breaker is " + state);
        this.endpoint = endpoint;
    }

    /** The endpoint (scheme, host and port) the delivery is parked for. */
    public String getEndpoint() {
        return endpoint;
    }
}
