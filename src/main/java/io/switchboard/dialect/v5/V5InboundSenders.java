package io.switchboard.dialect.v5;

import io.switchboard.api.UnauthorizedException;
import io.switchboard.api.UnauthorizedException.Flaw;
import io.switchboard.callback.CallbackTokens;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.Carriers;
import io.switchboard.model.Dialect;
import io.switchboard.net.HubAddress;
import org.springframework.stereotype.Component;

/**
 * The URL a v5 carrier posts its users' messages (MO) to, one per carrier, and the proof that a post to it came from
 * that carrier. v5 signs nothing, so, as for its delivery callbacks, the URL carries a token: the HMAC of the carrier
 * id under {@code switchboard.callbacks.token-secret}. The operator registers the URL with the carrier once.
 */
@Component("v5InboundSenders")
public class V5InboundSenders {

    public static final String PATH = "/callbacks/v5/inbound";

    private final HubAddress hub;
    private final CallbackTokens tokens;
    private final Carriers carriers;

    public V5InboundSenders(HubAddress hub, CallbackTokens tokens, Carriers carriers) {
        this.hub = hub;
        this.tokens = tokens;
        this.carriers = carriers;
    }

    /** {@code {public-base-url}/callbacks/v5/inbound?carrier=<id>&token=<token>}. */
    public String urlFor(String carrierId) {
        return hub.publicBaseUrl() + PATH + "?carrier=" + carrierId + "&token=" + tokens.tokenFor(carrierId);
    }

    /**
     * The configured v5 carrier the URL was issued for.
     *
     * @throws UnauthorizedException when the token is missing or not the one issued for that carrier, or the carrier
     *                               is not a configured v5 carrier
     */
    public CarrierConnector verified(String carrierId, String token) {
        if (carrierId == null || token == null) {
            throw new UnauthorizedException(Flaw.MISSING, "The inbound URL is missing its carrier or token.");
        }
        String verified = tokens.verify(carrierId, token);
        return carriers.ofDialect(Dialect.V5).stream().filter(carrier -> carrier.id().equals(verified)).findFirst()
                .orElseThrow(() -> new UnauthorizedException(Flaw.UNKNOWN_CARRIER,
                        "No v5 carrier " + verified + " is configured."));
    }
}
