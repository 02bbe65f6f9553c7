package io.switchboard.testing.prodstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Two standalone Artemis brokers as a replicated pair, as docs/scale-out.md deploys them: the primary, active, and its
 * backup, passive, holding a synchronous copy of the primary's journal, each {@code docker/broker.xml} with its role's
 * {@code docker/broker-*.properties}, on loopback ports of their own under one directory. Clients name both and move to
 * the backup when the primary fails ({@link #url}).
 */
public final class ReplicatedArtemis implements AutoCloseable {

    /**
     * How the hub connects to the pair, after the two addresses: it learns the pair from the broker and moves its
     * sessions to the backup, keeps trying to reconnect, and a send waits at most 10 s for a failover before it fails
     * (the API's 503). docker/compose.yaml gives its hubs the same.
     */
    public static final String CLIENT_PARAMETERS = "ha=true&reconnectAttempts=-1&retryInterval=500"
            + "&retryIntervalMultiplier=2&maxRetryInterval=5000&callFailoverTimeout=10000";
    private static final Duration TAKE_OVER_TIMEOUT = Duration.ofMinutes(2);

    private final StandaloneArtemis primary;
    private final StandaloneArtemis backup;

    private ReplicatedArtemis(StandaloneArtemis primary, StandaloneArtemis backup) {
        this.primary = primary;
        this.backup = backup;
    }

    /** Creates both brokers under {@code directory} and starts them: the primary, then the backup, synchronized. */
    public static ReplicatedArtemis start(Path directory) {
        String password = UUID.randomUUID().toString();
        int primaryPort = FreePorts.next();
        int backupPort = FreePorts.next();
        StandaloneArtemis primary = StandaloneArtemis.create(directory, "artemis-primary", password,
                StandaloneArtemis.Role.PRIMARY, primaryPort, backupPort);
        StandaloneArtemis backup = StandaloneArtemis.create(directory, "artemis-backup", password,
                StandaloneArtemis.Role.BACKUP, backupPort, primaryPort);
        primary.start();
        try {
            backup.start();
        } catch (RuntimeException e) {
            primary.kill();
            throw e;
        }
        return new ReplicatedArtemis(primary, backup);
    }

    /**
     * The URL the hubs connect with ({@code SPRING_ARTEMIS_BROKER_URL}): both brokers and {@link #CLIENT_PARAMETERS}.
     */
    public String url() {
        return "(" + primary.url() + "," + backup.url() + ")?" + CLIENT_PARAMETERS;
    }

    /**
     * {@code kill -9} of the primary; returns once the backup has taken over and accepts logins, and how long it took.
     */
    public Duration killPrimary() {
        Instant killed = Instant.now();
        primary.kill();
        Awaitility.await("the backup to take over").atMost(TAKE_OVER_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> backup.isActive() && backup.acceptsLogin());
        return Duration.between(killed, Instant.now());
    }

    /** The broker that serves clients now: the primary until it was killed, then the backup. */
    public StandaloneArtemis active() {
        return primary.isRunning() ? primary : backup;
    }

    public StandaloneArtemis primary() {
        return primary;
    }

    public StandaloneArtemis backup() {
        return backup;
    }

    public String user() {
        return StandaloneArtemis.USER;
    }

    public String password() {
        return primary.password();
    }

    /** Stops the backup first, so it never takes the primary's going away for a failure. */
    @Override
    public void close() {
        backup.stop();
        primary.stop();
    }
}
