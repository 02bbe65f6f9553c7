package io.switchboard.net;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where the hub can be reached: by carriers posting callbacks, and by the hub itself for the in-process sandbox
 * carriers. The port is only known once the web server has started (tests use a random one).
 */
@Component
public class HubAddress {

    private final String publicBaseUrl;
    private volatile int localPort = -1;

    public HubAddress(@Value("${switchboard.public-base-url:}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            localPort = event.getWebServer().getPort();
        }
    }

    /** The base URL carriers use to reach this hub, such as {@code https://hub.example.com}. */
    public String publicBaseUrl() {
        return publicBaseUrl.isEmpty() ? localBaseUrl() : publicBaseUrl;
    }

    /** This hub on loopback, such as {@code http://127.0.0.1:8080}. */
    public String localBaseUrl() {
        if (localPort < 0) {
            throw new IllegalStateException("The web server has not started yet");
        }
        return "http://127.0.0.1:" + localPort;
    }

    /** A configured URL; one that starts with '/' means a path on this hub itself (the sandbox carriers). */
    public URI resolve(String url) {
        return URI.create(url.startsWith("/") ? localBaseUrl() + url : url);
    }
}
