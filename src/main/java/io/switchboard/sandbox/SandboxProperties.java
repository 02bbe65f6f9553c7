package io.switchboard.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process carrier simulators under {@code /sandbox/*}; off in the prod profile. Each has the credentials it
 * expects from the hub and signs its callbacks with the secret the hub's carrier entry holds.
 *
 * @param callbackDelay  how long a sandbox carrier waits before each callback it posts
 * @param flakyFailures  how many attempts a {@code …03} recipient refuses with HTTP 503 before accepting
 */
@ConfigurationProperties("switchboard.sandbox")
public record SandboxProperties(boolean enabled, Duration callbackDelay, int flakyFailures, Credentials v5,
        KeyAccount pinnacle, KeyAccount v1, ChannelsAccount channels) {

    public record Credentials(String username, String password) {
    }

    /** A carrier that takes an API key and signs its callbacks with a shared secret (Pinnacle, v1). */
    public record KeyAccount(String apiKey, String signingSecret) {
    }

    /**
     * The Channels sandbox: one workspace whose channels all send SMS; those listed in {@code mmsChannels} also
     * have outgoing MMS active.
     */
    public record ChannelsAccount(String accessKey, String signingKey, String workspaceId, List<String> mmsChannels) {

        public ChannelsAccount {
            mmsChannels = mmsChannels == null ? List.of() : List.copyOf(mmsChannels);
        }
    }
}
