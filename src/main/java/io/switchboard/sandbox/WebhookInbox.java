package io.switchboard.sandbox;

import io.switchboard.dialect.pinnacle.PinnacleSignatures;
import io.switchboard.model.Dialect;
import io.switchboard.module.DialectModules;
import io.switchboard.tenant.TenantProperties;
import io.switchboard.webhook.WebhookSigner;
import io.switchboard.webhook.WebhookSubscription;
import io.switchboard.webhook.WebhookSubscriptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 *
 * <p>It takes only what a careful receiver takes: a delivery stamped within {@link #TOLERANCE} of the hub's clock and
 * signed as the dialect of a subscription whose URL is this inbox signs (Standard Webhooks for v1 and v5, the secret
 * itself in {@code PINNACLE-SIGNING-SECRET} for Pinnacle), or a message's own status callback signed with a tenant's
 * status callback secret (a v5 {@code callbackURL} pointing here); anything else is a 401.
 * So only the hub's own deliveries fill it, an inbox exists only under a name a subscription points at (subscribing
 * needs a tenant's key), and it is bounded: each keeps its last {@value #CAPACITY_PER_INBOX} deliveries, at most
 * {@value #MAX_INBOXES} inboxes are kept (the one written to longest ago makes room), and a body is at most
 * {@code switchboard.api.max-body-size}, like every API body.
 */
@RestController
@RequestMapping(WebhookInbox.PATH)
@ConditionalOnProperty(name = "switchboard.sandbox.enabled", havingValue = "true")
class WebhookInbox {

    static final String PATH = "/sandbox/webhook-inbox";
    static final int CAPACITY_PER_INBOX = 100;
    static final int MAX_INBOXES = 100;
    /** How far a delivery's {@code webhook-timestamp} may be from now, as Standard Webhooks advises receivers. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final Map<String, Deque<Received>> inboxes = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Deque<Received>> eldest) {
                    return size() > MAX_INBOXES;
                }
            });
    private final WebhookSubscriptions subscriptions;
    private final WebhookSigner signer;
    private final List<String> statusCallbackSecrets;
    private final Clock clock;

    WebhookInbox(WebhookSubscriptions subscriptions, WebhookSigner signer, TenantProperties tenants,
            DialectModules dialects, Clock clock) {
        this.subscriptions = subscriptions;
        this.signer = signer;
        this.statusCallbackSecrets = tenants.tenants().stream()
                .flatMap(tenant -> dialects.all().stream()
                        .flatMap(dialect -> dialect.webhookRendering().stream())
                        .flatMap(rendering -> rendering.statusCallbackSecret(tenant).stream()))
                .toList();
        this.clock = clock;
    }

    @PostMapping("/{name}")
    ResponseEntity<Void> receive(@PathVariable String name, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        byte[] payload = body == null ? new byte[0] : body;
        if (!signedForThisInbox(name, headers, payload)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Map<String, String> webhookHeaders = new TreeMap<>();
        headers.forEach((header, values) -> {
            if (header.toLowerCase(Locale.ROOT).startsWith("webhook-")) {
                webhookHeaders.put(header.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        Deque<Received> inbox = inboxes.computeIfAbsent(name, key -> new ConcurrentLinkedDeque<>());
        inbox.addLast(new Received(clock.instant(), webhookHeaders, new String(payload, StandardCharsets.UTF_8)));
        while (inbox.size() > CAPACITY_PER_INBOX) {
            inbox.pollFirst();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{name}")
    Inbox read(@PathVariable String name) {
        Deque<Received> inbox = inboxes.get(name);
        return new Inbox(inbox == null ? List.of() : new ArrayList<>(inbox));
    }

    private boolean signedForThisInbox(String name, HttpHeaders headers, byte[] body) {
        String id = headers.getFirst("webhook-id");
        String timestamp = headers.getFirst("webhook-timestamp");
        String signature = headers.getFirst("webhook-signature");
        if (id == null || timestamp == null) {
            return false;
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (signedAt < now - TOLERANCE.toSeconds() || signedAt > now + TOLERANCE.toSeconds()) {
            return false;
        }
        return subscriptions.withPath(PATH + "/" + name).stream()
                .anyMatch(subscription -> signedFor(subscription, headers, id, signedAt, body))
                || signature != null && statusCallbackSecrets.stream()
                        .anyMatch(secret -> signer.verifies(secret, id, signedAt, body, signature));
    }

    private boolean signedFor(WebhookSubscription subscription, HttpHeaders headers, String id, long signedAt,
            byte[] body) {
        if (subscription.dialect() == Dialect.PINNACLE) {
            String presented = headers.getFirst(PinnacleSignatures.HEADER);
            return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                    subscription.secret().getBytes(StandardCharsets.UTF_8));
        }
        String signature = headers.getFirst("webhook-signature");
        return signature != null && signer.verifies(subscription.secret(), id, signedAt, body, signature);
    }

    record Inbox(List<Received> received) {
    }

    /** @param body the payload exactly as it arrived, the bytes the signature covers */
    record Received(Instant at, Map<String, String> headers, String body) {
    }
}
