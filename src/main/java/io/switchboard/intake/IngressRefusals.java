package io.switchboard.intake;

import io.switchboard.metrics.HubMetrics;
import org.springframework.stereotype.Component;

/**
 * Refusals of the JMS ingress that belong to no dialect, because the message named none the hub speaks; counted under
 * the dialect {@value #JMS}.
 */
@Component("ingressRefusals")
public class IngressRefusals {

    static final String JMS = "jms";
    static final String UNKNOWN_DIALECT = "unknown_dialect";

    private final HubMetrics metrics;

    public IngressRefusals(HubMetrics metrics) {
        this.metrics = metrics;
    }

    public Refusal unknownDialect(String dialect) {
        metrics.refused(null, JMS, UNKNOWN_DIALECT);
        return new Refusal(UNKNOWN_DIALECT, "SwitchboardDialect must be v1, v5 or pinnacle (with SwitchboardEndpoint"
                + " sms, mms or rcs), not '" + (dialect == null ? "" : dialect) + "'.");
    }

    public record Refusal(String error, String message) {
    }
}
