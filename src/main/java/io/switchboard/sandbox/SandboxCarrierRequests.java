package io.switchboard.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the sandbox carriers received, newest last, each request in its carrier's own wire shape: lets a reader of
 * the README see with curl exactly what the hub sent to which carrier. Also the count of requests and sends per leg,
 * and of the callbacks posted and held, for tests that must tell a leg sent twice or a callback lost. Operator login
 * in the hub; off in the prod profile.
 */
@RestController
@RequestMapping("/sandbox")
@ConditionalOnProperty(name = "switchboard.sandbox.enabled", havingValue = "true")
class SandboxCarrierRequests {

    private final SandboxLedger ledger;
    private final SandboxCallbacks callbacks;

    SandboxCarrierRequests(SandboxLedger ledger, SandboxCallbacks callbacks) {
        this.ledger = ledger;
        this.callbacks = callbacks;
    }

    /** @param recipient the recipient's number with or without its {@code +}, as the carrier's dialect writes it */
    @GetMapping("/carrier-requests")
    List<Received> received(@RequestParam String recipient) {
        String digits = recipient.replace("+", "").strip();
        return ledger.entries().stream()
                .filter(entry -> entry.recipient() != null && entry.recipient().replace("+", "").equals(digits))
                .map(entry -> new Received(entry.carrier(), entry.at(), entry.httpStatus(), entry.leg(),
                        entry.carrierMessageId(), entry.headerNames(), entry.request()))
                .toList();
    }

    /**
     * Every leg the carriers were asked to send, by the key each dialect gives it (v5: the leg id in the hub's
     * callback URL; Channels: the {@code reference}, the leg id; v1: the Idempotency-Key made from the leg id;
     * Pinnacle, which has no such field: the endpoint and the request's content).
     */
    @GetMapping("/carrier-requests/legs")
    Map<String, SandboxLedger.LegTally> legs() {
        return ledger.legs();
    }

    @GetMapping("/carrier-callbacks")
    SandboxCallbacks.Tally callbacks() {
        return callbacks.tally();
    }

    record Received(String carrier, Instant at, int status, String leg, String carrierMessageId, Set<String> headers,
            Object request) {
    }
}
