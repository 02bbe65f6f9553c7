package io.switchboard.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process carrier simulators under {@code /sandbox/*}; off in the prod profile. Each has the credentials it
 * expects from the hub and signs its callbacks with the secret the hub's carrier entry holds.
 *
 * @param callbackDelay   how long a sandbox carrier waits before each callback it posts
 * @param callbackBaseUrl the hub the callbacks go to, such as {@code http://127.0.0.1:8080}; empty for the hub the
 *                        sandbox runs in. The carrier-only mode (profile {@code carriers}) needs it.
 * @param callbackRetry   how a callback the hub did not answer with a 2xx is posted again
 * @param flakyFailures   how many attempts a {@code …03} recipient refuses with HTTP 503 before accepting
 */
@ConfigurationProperties("switchboard.sandbox")
public record SandboxProperties(boolean enabled, Duration callbackDelay, String callbackBaseUrl,
        CallbackRetry callbackRetry, int flakyFailures, V5Account v5, KeyAccount pinnacle, KeyAccount v1,
        ChannelsAccount channels) {

    public SandboxProperties {
        callbackBaseUrl = callbackBaseUrl == null ? "" : callbackBaseUrl.strip().replaceAll("/+$", "");
    }

    /**
     * Real carriers hold a callback the receiver does not take and post it again for hours; so does the sandbox.
     *
     * @param maxWait the longest wait between two posts of a callback (the wait doubles from the callback delay)
     * @param maxAge  how long after its first post a callback is given up
     */
    public record CallbackRetry(Duration maxWait, Duration maxAge) {
    }

    /**
     * The v5 sandbox: the HTTP Basic login it expects, and where it posts its users' messages (MO).
     *
     * @param inboundUrl the hub's inbound URL for this carrier ({@code /callbacks/v5/inbound?carrier=…&token=…}), as
     *                   an operator registers it with a v5 carrier; empty for the hub the sandbox runs in, which
     *                   issues it for {@code sandbox-v5}. Without it, in the carrier-only mode, v5 users do not answer.
     */
    public record V5Account(String username, String password, String inboundUrl) {

        public V5Account {
            inboundUrl = inboundUrl == null ? "" : inboundUrl.strip();
        }
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
