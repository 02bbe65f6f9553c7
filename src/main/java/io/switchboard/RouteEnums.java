package io.switchboard;

import io.switchboard.camel.EnumTypeConverters;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.model.Channel;
import io.switchboard.store.Acceptance;
import java.util.List;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The enums that route expressions in routes/ compare with text, and Camel's HTTP method, which the carrier and
 * webhook routes set as a header. An enum missing here still compares correctly, only slower (EnumTypeConverters).
 */
@Configuration(proxyBeanMethods = false)
class RouteEnums {

    @Bean
    EnumTypeConverters routeEnumConverters() {
        return new EnumTypeConverters(List.of(Acceptance.Outcome.class, CarrierOutcome.Verdict.class, Channel.class,
                HttpMethods.class));
    }
}
