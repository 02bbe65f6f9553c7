package io.switchboard.testing.prodstack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sandbox.SandboxCallbacks;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The carrier-only process's ledger over HTTP: every request its carriers received, the requests and sends of each
 * leg (by each dialect's own key for it: v5 and Channels the hub's leg id, v1 the Idempotency-Key made from it,
 * Pinnacle the request's content), and the callbacks held for the hub.
 */
public final class CarrierLedger {

    private final HubClient http;

    CarrierLedger(HubClient http) {
        this.http = http;
    }

    boolean isUp() {
        return http.get("/sandbox/carrier-callbacks").status() == 200;
    }

    /** The requests to this number, oldest first, as {@code /sandbox/carrier-requests} shows them. */
    public List<JsonNode> received(String recipient) {
        List<JsonNode> received = new ArrayList<>();
        ok(http.get("/sandbox/carrier-requests?recipient=" + recipient.replace("+", ""))).json()
                .forEach(received::add);
        return received;
    }

    /** Requests and sends of every leg since the carriers started; a leg with two sends reached the person twice. */
    public Map<String, SandboxLedger.LegTally> legs() {
        return Fixtures.MAPPER.convertValue(ok(http.get("/sandbox/carrier-requests/legs")).json(),
                new TypeReference<>() { });
    }

    /** Callbacks waiting for the hub, delivered to it, and given up. */
    public SandboxCallbacks.Tally callbacks() {
        return Fixtures.MAPPER.convertValue(ok(http.get("/sandbox/carrier-callbacks")).json(),
                SandboxCallbacks.Tally.class);
    }

    private static HubClient.Response ok(HubClient.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("The carriers' ledger answered " + response);
        }
        return response;
    }
}
