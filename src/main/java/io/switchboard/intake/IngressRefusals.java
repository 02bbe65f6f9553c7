package io.switchboard.intake;

import org.springframework.stereotype.Component;

/** Refusals of the JMS ingress that belong to no dialect, because the message named none the hub speaks. */
@Component("ingressRefusals")
public class IngressRefusals {

    public Refusal unknownDialect(String dialect) {
        return new Refusal("unknown_dialect", "SwitchboardDialect must be v1, v5 or pinnacle (with SwitchboardEndpoint"
                + " sms, mms or rcs), not '" + (dialect == null ? "" : dialect) + "'.");
    }

    public record Refusal(String error, String message) {
    }
}
