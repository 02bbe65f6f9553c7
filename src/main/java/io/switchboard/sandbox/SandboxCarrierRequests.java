package io.switchboard.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the sandbox carriers received, newest last, each request in its carrier's own wire shape: lets a reader of
 * the README see with curl exactly what the hub sent to which carrier. Operator login; off in the prod profile.
 */
@RestController
@RequestMapping("/sandbox/carrier-requests")
@ConditionalOnProperty(name = "switchboard.sandbox.enabled", havingValue = "true")
class SandboxCarrierRequests {

    private final SandboxLedger ledger;

    SandboxCarrierRequests(SandboxLedger ledger) {
        this.ledger = ledger;
    }

    /** @param recipient the recipient's number with or without its {@code +}, as the carrier's dialect writes it */
    @GetMapping
    List<Received> received(@RequestParam String recipient) {
        String digits = recipient.replace("+", "").strip();
        return ledger.entries().stream()
                .filter(entry -> entry.recipient() != null && entry.recipient().replace("+", "").equals(digits))
                .map(entry -> new Received(entry.carrier(), entry.at(), entry.httpStatus(),
                        entry.carrierMessageId(), entry.headerNames(), entry.request()))
                .toList();
    }

    record Received(String carrier, Instant at, int status, String carrierMessageId, Set<String> headers,
            Object request) {
    }
}
