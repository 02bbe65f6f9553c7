package io.switchboard.testing;

import io.switchboard.carrier.CarrierProperties;
import io.switchboard.carrier.CarrierProperties.CarrierConfig;
import io.switchboard.carrier.Carriers;
import io.switchboard.model.Dialect;
import io.switchboard.net.HubAddress;
import java.util.List;

/**
 * Carrier accounts as {@code switchboard.carriers} configures them, one per dialect with the credentials it needs, and
 * the {@link Carriers} the hub makes of them (credential headers, timeouts and pools as in production) for a hub at
 * {@value #HUB_URL}.
 */
public final class CarrierAccounts {

    /** The hub's public base URL: what carriers call back and what Channels signatures cover. */
    public static final String HUB_URL = "https://hub.example";

    private CarrierAccounts() {
    }

    public static Carriers carriers(CarrierConfig... accounts) {
        return new Carriers(new CarrierProperties(List.of(accounts)), new HubAddress(HUB_URL),
                DialectModulesForTests.carrierSides());
    }

    /** An Arowana account: a Bearer API key, the channel its SMS go out from, its webhooks' signing secret. */
    public static CarrierConfig v1(String id, String apiKey, String smsChannelId, String signingSecret) {
        return new CarrierConfig(id, null, Dialect.V1, "https://api.arowana.example", null, null, apiKey, null, null,
                smsChannelId, signingSecret, null, null, null, null, null, null);
    }

    /** A v5 RCS account: HTTP Basic; its callbacks prove themselves with the hub's token, not a secret. */
    public static CarrierConfig v5(String id, String username, String password) {
        return new CarrierConfig(id, null, Dialect.V5, "https://rcs.v5.example", username, password, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /** A Pinnacle account: its PINNACLE-API-KEY and the secret its webhooks carry, no fallback sender or agent. */
    public static CarrierConfig pinnacle(String id, String apiKey, String signingSecret) {
        return new CarrierConfig(id, null, Dialect.PINNACLE, "https://api.pinnacle.example", null, null, apiKey,
                null, null, null, signingSecret, null, null, null, null, null, null);
    }

    /** A Bird Channels account: its access key, workspace and channel, and its notifications' signing key. */
    public static CarrierConfig channels(String id, String accessKey, String workspaceId, String channelId,
            String signingKey) {
        return new CarrierConfig(id, null, Dialect.CHANNELS, "https://api.bird.example", null, null, null, accessKey,
                workspaceId, channelId, signingKey, null, null, null, null, null, null);
    }
}
