package io.switchboard.webhook;

import static io.switchboard.api.Rule.each;
import static io.switchboard.api.Rule.ifNotNull;
import static io.switchboard.api.Rule.inTurn;
import static io.switchboard.api.Rule.must;
import static io.switchboard.api.Rule.required;

import io.switchboard.api.Checks;
import io.switchboard.api.NotFoundException;
import io.switchboard.api.Rule;
import io.switchboard.api.Rules;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import io.switchboard.model.Ids;
import io.switchboard.module.DialectModules;
import io.switchboard.net.TargetGuard;
import io.switchboard.tenant.Tenant;
import io.switchboard.webhook.WebhookHealth.DisabledReason;
import io.switchboard.webhook.WebhookHealth.Failure;
import io.switchboard.webhook.WebhookSubscription.RetiringSecret;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
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
            instant(rs, "created_at"),
            rs.getString("previous_secret") == null ? null
                    : new RetiringSecret(rs.getString("previous_secret"), instant(rs, "previous_secret_expires_at")),
            new WebhookHealth(instant(rs, "failing_since"),
                    rs.getObject("last_failure_at") == null ? null : new Failure(instant(rs, "last_failure_at"),
                            rs.getObject("last_failure_status", Integer.class), rs.getString("last_failure_reason")),
                    instant(rs, "disabled_at"),
                    rs.getString("disabled_reason") == null ? null
                            : DisabledReason.ofWord(rs.getString("disabled_reason"))));

    /** The width of {@code webhook_subscriptions.url}. */
    static final int MAX_URL = 2048;
    /** The width of {@code webhook_subscriptions.last_failure_reason}. */
    static final int MAX_FAILURE_REASON = 200;

    private final JdbcClient jdbc;
    private final WebhookSigner signer;
    private final Clock clock;
    private final WebhookPolicy policy;
    private final Rules<WebhookChanges> creation;
    private final Rules<WebhookChanges> changes;

    public WebhookSubscriptions(JdbcClient jdbc, WebhookSigner signer, TargetGuard guard, DialectModules dialects,
            WebhookPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = clock;
        this.policy = policy;
        Rule<String> url = inTurn(
                must(target -> target.length() <= MAX_URL, "must be at most " + MAX_URL + " characters"),
                must(Checks::isHttpUrl, "must be an absolute http or https URL"),
                Rule.refusal(target -> guard.refusal(URI.create(target))));
        Rule<List<String>> events = inTurn(must(names -> names != null && !names.isEmpty(),
                "must name at least one event"), each(must(WebhookSubscriptions::isEventName,
                "is not an event name; use one of " + Arrays.stream(EventType.values()).map(EventType::wireName)
                        .collect(Collectors.joining(", ")))));
        Rule<String> dialect = Rule.refusal(id -> hasWebhookRendering(dialects, id) ? null
                : "must be one of " + Arrays.stream(Dialect.values()).filter(known -> dialects.of(known)
                        .webhookRendering().isPresent()).map(Dialect::id).collect(Collectors.joining(", ")));
        Rule<String> secret = must(signer::isValidSecret,
                "must be whsec_ followed by the base64 of 24 to 64 random bytes");
        this.creation = Rules.of(WebhookChanges.class)
                .field("url", WebhookChanges::url, required(url))
                .field("events", WebhookChanges::events, events)
                .field("dialect", WebhookChanges::dialect, ifNotNull(dialect))
                .field("secret", WebhookChanges::secret, ifNotNull(secret));
        this.changes = Rules.of(WebhookChanges.class)
                .field("url", WebhookChanges::url, ifNotNull(url))
                .field("events", WebhookChanges::events, ifNotNull(events))
                .field("dialect", WebhookChanges::dialect, ifNotNull(dialect))
                .field("secret", WebhookChanges::secret, ifNotNull(secret))
                .check("rotate_secret", change -> change.secret() == null
                        || !Boolean.TRUE.equals(change.rotateSecret()), "must not be true when secret is given");
    }

    /**
     * Validates and stores a subscription: where it posts, the event names it wants, the dialect of its payloads
     * ({@code v1} when null), and its signing secret, or null for one generated here; the result carries the secret
     * so the one response that shows it can. Errors name the fields {@code url}, {@code events}, {@code dialect} and
     * {@code secret}.
     */
    @Transactional
    public WebhookSubscription create(Tenant tenant, WebhookChanges request) {
        creation.validate(request);
        WebhookSubscription subscription = new WebhookSubscription(Ids.webhookId(), tenant.id(),
                URI.create(request.url()), eventTypes(request.events()),
                request.secret() == null ? signer.newSecret() : request.secret(),
                request.dialect() == null ? Dialect.V1 : Dialect.fromId(request.dialect()), clock.instant());
        jdbc.sql("""
                INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, dialect, created_at)
                VALUES (:id, :tenant, :url, :events, :secret, :dialect, :created)
                """)
                .param("id", subscription.id())
                .param("tenant", subscription.tenantId())
                .param("url", subscription.url().toString())
                .param("events", wireNames(subscription.events()))
                .param("secret", subscription.secret())
                .param("dialect", subscription.dialect().id())
                .param("created", utc(subscription.createdAt()))
                .update();
        return subscription;
    }

    /**
     * Applies a client's changes to one of its subscriptions. A new secret (given, or generated for
     * {@code rotate_secret}) leaves the current one signing beside it for {@code secret-overlap}; a rotation within
     * an overlap retires the oldest secret at once. Enabling starts afresh, as active.
     *
     * @throws NotFoundException if the tenant has no subscription with that id
     */
    @Transactional
    public WebhookSubscription update(String tenantId, String id, WebhookChanges change) {
        WebhookSubscription current = ofTenant(tenantId, id);
        changes.validate(change);
        Instant now = clock.instant();
        RetiringSecret previous = current.previousSecret();
        String secret = current.secret();
        if (change.rotates()) {
            previous = new RetiringSecret(current.secret(), now.plus(policy.secretOverlap()));
            secret = change.secret() == null ? signer.newSecret() : change.secret();
        }
        WebhookHealth health = current.health();
        if (Boolean.TRUE.equals(change.enabled()) && current.isDisabled()) {
            health = new WebhookHealth(null, health.lastFailure(), null, null);
        } else if (Boolean.FALSE.equals(change.enabled()) && !current.isDisabled()) {
            health = new WebhookHealth(health.failingSince(), health.lastFailure(), now, DisabledReason.CLIENT);
        }
        WebhookSubscription updated = new WebhookSubscription(id, tenantId,
                change.url() == null ? current.url() : URI.create(change.url()),
                change.events() == null ? current.events() : eventTypes(change.events()), secret,
                change.dialect() == null ? current.dialect() : Dialect.fromId(change.dialect()),
                current.createdAt(), previous, health);
        jdbc.sql("""
                UPDATE webhook_subscriptions SET url = :url, events = :events, dialect = :dialect, secret = :secret,
                    previous_secret = :previous, previous_secret_expires_at = :previousExpires,
                    failing_since = :failingSince, disabled_at = :disabledAt, disabled_reason = :disabledReason
                WHERE id = :id
                """)
                .param("url", updated.url().toString())
                .param("events", wireNames(updated.events()))
                .param("dialect", updated.dialect().id())
                .param("secret", secret)
                .param("previous", previous == null ? null : previous.secret())
                .param("previousExpires", previous == null ? null : utc(previous.expiresAt()))
                .param("failingSince", utc(health.failingSince()))
                .param("disabledAt", utc(health.disabledAt()))
                .param("disabledReason", health.disabledReason() == null ? null : health.disabledReason().word())
                .param("id", id)
                .update();
        return updated;
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
            throw notFound(id);
        }
    }

    public Optional<WebhookSubscription> find(String id) {
        return jdbc.sql("SELECT * FROM webhook_subscriptions WHERE id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /**
     * One of the tenant's subscriptions.
     *
     * @throws NotFoundException if the tenant has no subscription with that id
     */
    public WebhookSubscription ofTenant(String tenantId, String id) {
        return find(id).filter(subscription -> subscription.tenantId().equals(tenantId))
                .orElseThrow(() -> notFound(id));
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

    /** Every tenant's subscriptions, for operators: by tenant, oldest first. */
    public List<WebhookSubscription> all() {
        return jdbc.sql("SELECT * FROM webhook_subscriptions ORDER BY tenant_id, created_at")
                .query(ROW)
                .list();
    }

    /** A failed attempt: the subscription is failing, since this one unless it already was. */
    public void recordFailure(String id, Failure failure) {
        jdbc.sql("""
                UPDATE webhook_subscriptions SET failing_since = COALESCE(failing_since, :at), last_failure_at = :at,
                    last_failure_status = :status, last_failure_reason = :reason
                WHERE id = :id
                """)
                .param("at", utc(failure.at()))
                .param("status", failure.status())
                .param("reason", failure.reason() == null ? null
                        : failure.reason().substring(0, Math.min(failure.reason().length(), MAX_FAILURE_REASON)))
                .param("id", id)
                .update();
    }

    /** A delivery succeeded: the subscription is no longer failing. */
    public void recordSuccess(String id) {
        jdbc.sql("""
                UPDATE webhook_subscriptions SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL
                """)
                .param("id", id)
                .update();
    }

    /**
     * Disables the subscription if it is enabled; true if this call disabled it, so that each disabling is told once.
     */
    public boolean disable(String id, DisabledReason reason, Instant at) {
        return jdbc.sql("""
                UPDATE webhook_subscriptions SET disabled_at = :at, disabled_reason = :reason
                WHERE id = :id AND disabled_at IS NULL
                """)
                .param("at", utc(at))
                .param("reason", reason.word())
                .param("id", id)
                .update() == 1;
    }

    /**
     * Disables the subscription for failing if it is enabled and has been failing since {@code before} or earlier;
     * true if this call disabled it.
     */
    public boolean disableFailingSince(Instant before, String id, Instant at) {
        return jdbc.sql("""
                UPDATE webhook_subscriptions SET disabled_at = :at, disabled_reason = :reason
                WHERE id = :id AND disabled_at IS NULL AND failing_since <= :before
                """)
                .param("at", utc(at))
                .param("reason", DisabledReason.FAILING.word())
                .param("before", utc(before))
                .param("id", id)
                .update() == 1;
    }

    private static boolean hasWebhookRendering(DialectModules dialects, String id) {
        return Dialect.withId(id).filter(dialect -> dialects.of(dialect).webhookRendering().isPresent()).isPresent();
    }

    private static boolean isEventName(String name) {
        return Arrays.stream(EventType.values()).anyMatch(type -> type.wireName().equals(name));
    }

    private static Set<EventType> eventTypes(List<String> names) {
        return names.stream().map(EventType::fromWireName).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String wireNames(Set<EventType> events) {
        return events.stream().map(EventType::wireName).collect(Collectors.joining(","));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No webhook " + id + " was found.");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
