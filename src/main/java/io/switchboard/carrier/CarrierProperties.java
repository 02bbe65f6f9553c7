package io.switchboard.carrier;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The carriers the hub can send through ({@code switchboard.carriers}) and which one each channel uses
 * ({@code switchboard.dispatch.carrier-by-channel}).
 */
@ConfigurationProperties("switchboard")
public record CarrierProperties(List<CarrierConfig> carriers, Dispatch dispatch) {

    public CarrierProperties {
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
        dispatch = dispatch == null ? new Dispatch(Map.of()) : dispatch;
    }

    /**
     * @param baseUrl        the carrier's API root; a value starting with '/' is a path on this hub (a sandbox)
     * @param username       HTTP Basic user (v5)
     * @param password       HTTP Basic password (v5)
     * @param connectTimeout how long to wait for a TCP connection
     * @param readTimeout    how long to wait for the carrier's answer
     */
    public record CarrierConfig(String id, Dialect dialect, String baseUrl, String username, String password,
            Duration connectTimeout, Duration readTimeout) {
    }

    public record Dispatch(Map<Channel, String> carrierByChannel) {

        public Dispatch {
            carrierByChannel = carrierByChannel == null ? Map.of() : Map.copyOf(carrierByChannel);
        }
    }
}
