package io.switchboard.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.dialect.pinnacle.PinnacleResponses;
import io.switchboard.dialect.v1.V1Responses;
import io.switchboard.dialect.v5.V5Responses;
import io.switchboard.json.Json;
import io.switchboard.pricing.Prices;
import java.time.Clock;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The carrier-only mode of the jar ({@code spring.profiles.active=carriers}): the sandbox carriers, their ledger and
 * their callbacks alone in a process, posting to the hub {@code switchboard.sandbox.callback-base-url} names. No
 * broker, database, Camel context or hub endpoint starts, so a test can kill and restart the hub while the carriers
 * keep counting what they receive and hold the callbacks the hub cannot take. Spring MVC serves the carriers, as it
 * does in the hub; the response shapes are the dialects' own, the checks of a request the carriers' own.
 *
 * <p>Not a {@code @Configuration}, so the hub's component scan never picks it up; {@code SwitchboardApplication}
 * starts it in place of the hub when the profile is active.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WebhookInbox.class))
@Import({V1Responses.class, PinnacleResponses.class, V5Responses.class})
@EnableConfigurationProperties({SandboxProperties.class, Prices.class})
public class SandboxCarriersApplication {

    public static final String PROFILE = "carriers";

    @Bean
    ObjectMapper objectMapper() {
        return Json.newMapper();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
