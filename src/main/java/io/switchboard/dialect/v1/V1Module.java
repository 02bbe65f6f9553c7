package io.switchboard.dialect.v1;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierCapabilities;
import io.switchboard.module.CarrierSide;
import io.switchboard.module.ClientApi;
import io.switchboard.module.DialectModule;
import io.switchboard.tenant.ApiKeyAuthenticator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The v1-unified dialect: RCS and SMS carriers with a Bearer key, clients on {@code /v1/}, the default webhooks. */
@Configuration(proxyBeanMethods = false)
public class V1Module {

    public static final CarrierSide CARRIER_SIDE = new CarrierSide(
            new CarrierCapabilities(Set.of(Channel.RCS, Channel.SMS), false, false),
            List.of("api-key", "signing-secret"), credentials -> "Bearer " + credentials.apiKey());

    @Bean
    public DialectModule v1DialectModule(V1Responses responses, ApiKeyAuthenticator apiKeys,
            V1WebhookPayloads webhooks) {
        return new DialectModule(Dialect.V1, CARRIER_SIDE, Optional.of(new ClientApi("/v1/", "Authorization",
                apiKeys::v1, responses::error, responses::internalError,
                endpoint -> Optional.of("direct:v1-send-message"))), Optional.of(webhooks));
    }
}
