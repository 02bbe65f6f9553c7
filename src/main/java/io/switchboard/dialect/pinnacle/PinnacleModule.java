package io.switchboard.dialect.pinnacle;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierCapabilities;
import io.switchboard.module.CarrierCredentials;
import io.switchboard.module.CarrierSide;
import io.switchboard.module.ClientApi;
import io.switchboard.module.DialectModule;
import io.switchboard.tenant.ApiKeyAuthenticator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Pinnacle dialect: carriers of RCS, SMS and MMS that send an RCS message's {@code fallback} themselves, keyed by
 * {@code PINNACLE-API-KEY}; clients on {@code /messages/}, one send endpoint per channel; webhooks in Pinnacle's
 * {@code MESSAGE.STATUS} shape.
 */
@Configuration(proxyBeanMethods = false)
public class PinnacleModule {

    public static final CarrierSide CARRIER_SIDE = new CarrierSide(
            new CarrierCapabilities(Set.of(Channel.RCS, Channel.SMS, Channel.MMS), false, true),
            List.of("api-key", "signing-secret"), CarrierCredentials::apiKey);

    private static final Set<String> SEND_ENDPOINTS = Set.of("sms", "mms", "rcs");

    @Bean
    public DialectModule pinnacleDialectModule(PinnacleResponses responses, ApiKeyAuthenticator apiKeys,
            PinnacleWebhookPayloads webhooks) {
        return new DialectModule(Dialect.PINNACLE, CARRIER_SIDE, Optional.of(new ClientApi("/messages/",
                "PINNACLE-API-KEY", apiKeys::pinnacle, responses::error, responses::internalError,
                PinnacleModule::sendRoute)), Optional.of(webhooks));
    }

    private static Optional<String> sendRoute(String endpoint) {
        return endpoint != null && SEND_ENDPOINTS.contains(endpoint)
                ? Optional.of("direct:pinnacle-send-" + endpoint) : Optional.empty();
    }
}
