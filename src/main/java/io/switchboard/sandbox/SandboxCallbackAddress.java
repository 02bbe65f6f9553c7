package io.switchboard.sandbox;

import io.switchboard.net.HubAddress;
import io.switchboard.dialect.v5.V5InboundSenders;
import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where the sandbox carriers post their callbacks: the hub named by {@code switchboard.sandbox.callback-base-url}, as
 * in the carrier-only mode, else the hub they run in, on loopback.
 */
@Component
class SandboxCallbackAddress {

    private final String configured;
    private final HubAddress hub;
    private final String v5InboundUrl;
    private final V5InboundSenders v5InboundSenders;

    SandboxCallbackAddress(SandboxProperties properties, ObjectProvider<HubAddress> hub,
            ObjectProvider<V5InboundSenders> v5InboundSenders) {
        this.configured = properties.callbackBaseUrl();
        this.hub = hub.getIfAvailable();
        this.v5InboundUrl = properties.v5().inboundUrl();
        this.v5InboundSenders = v5InboundSenders.getIfAvailable();
        if (configured.isEmpty() && this.hub == null) {
            throw new IllegalStateException("The sandbox carriers run without a hub: set "
                    + "switchboard.sandbox.callback-base-url (SWITCHBOARD_SANDBOX_CALLBACK_BASE_URL) to the hub "
                    + "they post their callbacks to, such as http://127.0.0.1:8080");
        }
    }

    /** Where to post a callback for a path of the hub, such as {@code /callbacks/v1}. */
    URI callbackUrl(String path) {
        return URI.create((configured.isEmpty() ? hub.localBaseUrl() : configured) + path);
    }

    /**
     * Where the v5 sandbox posts its users' messages: the configured inbound URL, else the one the hub it runs in
     * issues for it; empty in the carrier-only mode without one.
     */
    Optional<URI> v5InboundUrl(String carrierId) {
        if (!v5InboundUrl.isEmpty()) {
            return Optional.of(URI.create(v5InboundUrl));
        }
        return Optional.ofNullable(v5InboundSenders).map(senders -> URI.create(senders.urlFor(carrierId)));
    }

    /**
     * The URL a signature covers (Channels signs it): the one posted to, or, posting to the hub the sandbox runs in,
     * the public URL that hub verifies against, so a proxy in front of it changes nothing.
     */
    String signedUrl(String path) {
        return (configured.isEmpty() ? hub.publicBaseUrl() : configured) + path;
    }

    /**
     * Whether a callback URL a request names (v5's {@code callbackURL}) may be posted to: on loopback or under the
     * configured hub, so the sandbox cannot be used to reach other hosts.
     */
    boolean mayPostTo(String url) {
        if (!configured.isEmpty() && url.startsWith(configured + "/")) {
            return true;
        }
        try {
            String host = URI.create(url).getHost();
            return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
