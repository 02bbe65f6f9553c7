package io.switchboard.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A webhook receiver inside the sandbox, so the README's walk-through needs nothing but curl: subscribe
 * {@code http://127.0.0.1:8080/sandbox/webhook-inbox/<name>}, then read what arrived (operator login). Keeps the
 * exact body and the signature headers, so a signature can be checked by hand. Off in the prod profile.
 */
@RestController
@RequestMapping("/sandbox/webhook-inbox")
@ConditionalOnProperty(name = "switchboard.sandbox.enabled", havingValue = "true")
class WebhookInbox {

    static final int CAPACITY_PER_INBOX = 100;

    private final Map<String, Deque<Received>> inboxes = new ConcurrentHashMap<>();
    private final Clock clock;

    WebhookInbox(Clock clock) {
        this.clock = clock;
    }

    @PostMapping("/{name}")
    ResponseEntity<Void> receive(@PathVariable String name, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        Map<String, String> webhookHeaders = new TreeMap<>();
        headers.forEach((header, values) -> {
            if (header.toLowerCase(Locale.ROOT).startsWith("webhook-")) {
                webhookHeaders.put(header.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        Deque<Received> inbox = inboxes.computeIfAbsent(name, key -> new ConcurrentLinkedDeque<>());
        inbox.addLast(new Received(clock.instant(), webhookHeaders,
                body == null ? "" : new String(body, StandardCharsets.UTF_8)));
        while (inbox.size() > CAPACITY_PER_INBOX) {
            inbox.pollFirst();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{name}")
    Inbox read(@PathVariable String name) {
        return new Inbox(new ArrayList<>(inboxes.getOrDefault(name, new ConcurrentLinkedDeque<>())));
    }

    record Inbox(List<Received> received) {
    }

    /** @param body the payload exactly as it arrived, the bytes the signature covers */
    record Received(Instant at, Map<String, String> headers, String body) {
    }
}
