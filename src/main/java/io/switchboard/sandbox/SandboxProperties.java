package io.switchboard.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process carrier simulators under {@code /sandbox/*}; off in the prod profile.
 *
 * @param callbackDelay  how long a sandbox carrier waits before each callback it posts
 * @param flakyFailures  how many attempts a {@code …03} recipient refuses with HTTP 503 before accepting
 */
@ConfigurationProperties("switchboard.sandbox")
public record SandboxProperties(boolean enabled, Duration callbackDelay, int flakyFailures, Credentials v5) {

    public record Credentials(String username, String password) {
    }
}
