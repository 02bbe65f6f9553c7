package io.switchboard.carrier;

import io.switchboard.camel.AllowListHeaderFilterStrategy;
import io.switchboard.tracing.TraceParent;
import java.util.Set;
import org.apache.camel.component.http.HttpComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code carrier-http} Camel component that every carrier call goes through. It sends only the headers a carrier
 * API needs and the W3C trace context, so no JMS or internal header of the exchange reaches a carrier, and never
 * retries by itself: a failed call is retried by the broker, with backoff, as a whole dispatch.
 */
@Configuration(proxyBeanMethods = false)
class CarrierHttpConfiguration {

    static final String COMPONENT = "carrier-http";

    @Bean(COMPONENT)
    HttpComponent carrierHttp() {
        HttpComponent http = new HttpComponent();
        http.setHeaderFilterStrategy(new AllowListHeaderFilterStrategy(
                Set.of("Authorization", "Content-Type", "Accept", "Idempotency-Key", "PINNACLE-API-KEY",
                        TraceParent.HEADER, TraceParent.STATE_HEADER),
                Set.of(), Set.of("Camel", "Switchboard")));
        http.setFollowRedirects(false);
        http.setRedirectHandlingDisabled(true);
        http.setAutomaticRetriesDisabled(true);
        http.setCookieManagementDisabled(true);
        return http;
    }
}
