package io.switchboard.webhook;

import io.switchboard.camel.AllowListHeaderFilterStrategy;
import io.switchboard.module.DialectModules;
import io.switchboard.net.TargetGuard;
import io.switchboard.tracing.TraceParent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code webhook-http} Camel component: camel-http with its own connection pool whose DNS resolver refuses
 * internal addresses. The check runs when the connection is made, so a host that resolved to a public address when
 * the subscription was created cannot be re-pointed at the hub's network later (DNS rebinding).
 */
@Configuration(proxyBeanMethods = false)
class WebhookHttpConfiguration {

    @Bean("webhook-http")
    HttpComponent webhookHttp(TargetGuard guard, DialectModules dialects,
            @Value("${switchboard.webhooks.connect-timeout:5s}") Duration connectTimeout,
            @Value("${switchboard.webhooks.response-timeout:15s}") Duration responseTimeout,
            @Value("${switchboard.webhooks.max-connections:50}") int maxConnections) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .setSocketTimeout((int) responseTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(Math.max(2, maxConnections / 5))
                .build();
        HttpComponent http = new HttpComponent();
        http.setClientConnectionManager(connections);
        http.setFollowRedirects(false);
        http.setRedirectHandlingDisabled(true);
        // a failed delivery is retried by the broker with backoff, never at once by the client; the option alone left
        // the client retrying a 429 or 503 itself (after its Retry-After or a second), unseen by the hub
        http.setAutomaticRetriesDisabled(true);
        http.setHttpClientConfigurer(HttpClientBuilder::disableAutomaticRetries);
        http.setCookieManagementDisabled(true);
        // only the webhook's own headers reach a subscriber: its type, its dialects' signatures and the trace context
        Set<String> allowed = new HashSet<>(Set.of("Content-Type", TraceParent.HEADER, TraceParent.STATE_HEADER));
        dialects.all().forEach(dialect -> dialect.webhookRendering()
                .ifPresent(rendering -> allowed.addAll(rendering.signatureHeaderNames())));
        http.setHeaderFilterStrategy(new AllowListHeaderFilterStrategy(allowed, Set.of(),
                Set.of("Camel", "Switchboard")));
        http.setResponseTimeout(responseTimeout.toMillis());
        http.setConnectTimeout(connectTimeout.toMillis());
        return http;
    }

    static final class GuardedDnsResolver extends SystemDefaultDnsResolver {

        private final TargetGuard guard;

        GuardedDnsResolver(TargetGuard guard) {
            this.guard = guard;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            List<InetAddress> allowed = new ArrayList<>();
            String refusal = null;
            for (InetAddress address : super.resolve(host)) {
                String reason = guard.refusal(address);
                if (reason == null) {
                    allowed.add(address);
                } else {
                    refusal = reason;
                }
            }
            if (allowed.isEmpty()) {
                throw new UnknownHostException(host + " " + (refusal == null ? "does not resolve" : refusal));
            }
            return allowed.toArray(InetAddress[]::new);
        }
    }
}
