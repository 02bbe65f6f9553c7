package io.switchboard.webhook;

import io.switchboard.api.Checks;
import io.switchboard.api.FieldPath;
import io.switchboard.api.NotFoundException;
import io.switchboard.api.Violations;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.net.TargetGuard;
import io.switchboard.tenant.Tenant;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenants' webhook subscriptions. */
@Component("webhookSubscriptions")
public class WebhookSubscriptions {

    private static final RowMapper<WebhookSubscription> ROW = (rs, row) -> new WebhookSubscription(
            rs.getString("id"),
            rs.getString("tenant_id"),
            URI.create(rs.getString("url")),
            Arrays.stream(rs.getString("events").split(",")).map(EventType::fromWireName)
                    .collect(Collectors.toSet()),
            rs.getString("secret"),
            Dialect.fromId(rs.getString("dialect")),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    /** The width of {@code webhook_subscriptions.url}. */
    static final int MAX_URL = 2048;

    private final JdbcClient jdbc;
    private final WebhookSigner signer;
    private final TargetGuard guard;
    private final Clock clock;

    public WebhookSubscriptions(JdbcClient jdbc, WebhookSigner signer, TargetGuard guard, Clock clock) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Validates and stores a subscription: where it posts, the event names it wants, and its signing secret, or null
     * for one generated here; the result carries the secret so the one response that shows it can. Errors name the
     * fields {@code url}, {@code events} and {@code secret}.
     */
    @Transactional
    public WebhookSubscription create(Tenant tenant, String target, List<String> eventNames, String chosenSecret) {
        Violations violations = new Violations();
        URI url = null;
        if (Checks.isBlank(target)) {
            violations.add(FieldPath.of("url"), "is required");
        } else if (target.length() > MAX_URL) {
            violations.add(FieldPath.of("url"), "must be at most " + MAX_URL + " characters");
        } else if (!Checks.isHttpUrl(target)) {
            violations.add(FieldPath.of("url"), "must be an absolute http or https URL");
        } else {
            url = URI.create(target);
            String refusal = guard.refusal(url);
            if (refusal != null) {
                violations.add(FieldPath.of("url"), refusal);
            }
        }
        Set<EventType> events = new LinkedHashSet<>();
        if (eventNames == null || eventNames.isEmpty()) {
            violations.add(FieldPath.of("events"), "must name at least one event");
        } else {
            for (int i = 0; i < eventNames.size(); i++) {
                String name = eventNames.get(i);
                Optional<EventType> type = Arrays.stream(EventType.values())
                        .filter(candidate -> candidate.wireName().equals(name)).findFirst();
                if (type.isEmpty()) {
                    violations.add(FieldPath.of("events").index(i), "is not an event name; use one of "
                            + Arrays.stream(EventType.values()).map(EventType::wireName)
                                    .collect(Collectors.joining(", ")));
                } else {
                    events.add(type.get());
                }
            }
        }
        if (chosenSecret != null && !signer.isValidSecret(chosenSecret)) {
            violations.add(FieldPath.of("secret"), "must be whsec_ followed by the base64 of 24 to 64 random bytes");
        }
        violations.throwIfAny();

        String secret = chosenSecret == null ? signer.newSecret() : chosenSecret;
        WebhookSubscription subscription = new WebhookSubscription(Ids.webhookId(), tenant.id(), url, events,
                secret, Dialect.V1, clock.instant());
        jdbc.sql("""
                INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, dialect, created_at)
                VALUES (:id, :tenant, :url, :events, :secret, :dialect, :created)
                """)
                .param("id", subscription.id())
                .param("tenant", subscription.tenantId())
                .param("url", subscription.url().toString())
                .param("events", events.stream().map(EventType::wireName).collect(Collectors.joining(",")))
                .param("secret", secret)
                .param("dialect", subscription.dialect().id())
                .param("created", subscription.createdAt().atOffset(ZoneOffset.UTC))
                .update();
        return subscription;
    }

    /**
     * Deletes one of the tenant's subscriptions; deliveries still queued for it are dropped when their turn comes.
     *
     * @throws NotFoundException if the tenant has no subscription with that id
     */
    @Transactional
    public void delete(String tenantId, String id) {
        int deleted = jdbc.sql("DELETE FROM webhook_subscriptions WHERE id = :id AND tenant_id = :tenant")
                .param("id", id)
                .param("tenant", tenantId)
                .update();
        if (deleted == 0) {
            throw new NotFoundException("No webhook " + id + " was found.");
        }
    }

    public Optional<WebhookSubscription> find(String id) {
        return jdbc.sql("SELECT * FROM webhook_subscriptions WHERE id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** Every tenant's subscriptions whose URL has this path, such as {@code /sandbox/webhook-inbox/demo}. */
    public List<WebhookSubscription> withPath(String path) {
        // LIKE narrows the search; '_' in a path is a LIKE wildcard, so the exact path is compared after it
        return jdbc.sql("SELECT * FROM webhook_subscriptions WHERE url LIKE :suffix")
                .param("suffix", "%" + path)
                .query(ROW)
                .list()
                .stream()
                .filter(subscription -> path.equals(subscription.url().getPath()))
                .toList();
    }

    public List<WebhookSubscription> forTenant(String tenantId) {
        return jdbc.sql("SELECT * FROM webhook_subscriptions WHERE tenant_id = :tenant ORDER BY created_at")
                .param("tenant", tenantId)
                .query(ROW)
                .list();
    }
}
