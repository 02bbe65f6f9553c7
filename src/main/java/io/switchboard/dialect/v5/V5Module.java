package io.switchboard.dialect.v5;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierCapabilities;
import io.switchboard.module.CarrierSide;
import io.switchboard.module.ClientApi;
import io.switchboard.module.DialectModule;
import io.switchboard.tenant.ApiKeyAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The v5 RCS dialect: RCS carriers that send the SMS/MMS failover leg themselves, HTTP Basic both ways, clients on
 * {@code /v5/}; status callbacks (to a request's {@code callbackURL} or a v5 subscription) in the shape of a v5
 * carrier's own.
 */
@Configuration(proxyBeanMethods = false)
public class V5Module {

    public static final CarrierSide CARRIER_SIDE = new CarrierSide(
            new CarrierCapabilities(Set.of(Channel.RCS), false, true), List.of("username", "password"),
            credentials -> "Basic " + Base64.getEncoder().encodeToString(
                    (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8)));

    @Bean
    public DialectModule v5DialectModule(V5Responses responses, ApiKeyAuthenticator apiKeys,
            V5WebhookPayloads webhooks) {
        return new DialectModule(Dialect.V5, CARRIER_SIDE, Optional.of(new ClientApi("/v5/", "Authorization",
                apiKeys::v5, responses::refused, responses::internalError,
                endpoint -> Optional.of("direct:v5-send-message"))), Optional.of(webhooks));
    }
}
