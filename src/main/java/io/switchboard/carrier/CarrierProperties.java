package io.switchboard.carrier;

import io.switchboard.model.Dialect;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The carriers the hub can send through ({@code switchboard.carriers}); {@code config/routing.yaml} picks one. */
@ConfigurationProperties("switchboard")
public record CarrierProperties(List<CarrierConfig> carriers) {

    public CarrierProperties {
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
    }

    /**
     * One carrier account. Which credential fields apply depends on the dialect: v5 uses HTTP Basic
     * ({@code username}, {@code password}), v1 a Bearer {@code api-key}, Pinnacle a {@code PINNACLE-API-KEY}
     * ({@code api-key}), Channels an {@code AccessKey} ({@code access-key}) with its {@code workspace-id} and
     * {@code channel-id}.
     *
     * @param enabled        false leaves the entry out, as if it were not there (true when not given), so a profile can
     *                       list every account and an environment variable switch each on
     * @param baseUrl        the carrier's API root; a value starting with '/' is a path on this hub (a sandbox)
     * @param signingSecret  the secret the carrier signs its callbacks with (Pinnacle, v1, Channels)
     * @param smsSender      the number SMS and MMS go out from when the message's sender is an RCS agent (its content
     *                       was transcoded, or its failover leg named no sender)
     * @param agentId        the RCS agent a Pinnacle carrier sends from when the message's sender is not one of
     *                       Pinnacle's agent ids ({@code agent_…}), as for a message a v5 or v1 client sent
     * @param connectTimeout how long to wait for a TCP connection
     * @param readTimeout    how long to wait for the carrier's answer
     * @param maxConnections the size of the carrier's HTTP connection pool
     * @param capabilityTtl  how long a carrier's answer about what a channel can send is trusted (Channels MMS)
     */
    public record CarrierConfig(String id, Boolean enabled, Dialect dialect, String baseUrl, String username,
            String password, String apiKey, String accessKey, String workspaceId, String channelId, String signingSecret,
            String smsSender, String agentId, Duration connectTimeout, Duration readTimeout, Integer maxConnections,
            Duration capabilityTtl) {
    }
}
