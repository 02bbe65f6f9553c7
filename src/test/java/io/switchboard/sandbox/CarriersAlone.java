package io.switchboard.sandbox;

import io.switchboard.testing.HubClient;
import io.switchboard.testing.WebhookReceiver;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The sandbox carriers in the carrier-only mode, posting their callbacks to a receiver that stands in for the hub. */
final class CarriersAlone {

    private CarriersAlone() {
    }

    /** Starts them on a free port, posting to the receiver a delay apart, with these settings besides. */
    static ConfigurableApplicationContext start(WebhookReceiver hub, String callbackDelay, String... settings) {
        String[] arguments = Stream.concat(Stream.of("--server.port=0",
                "--switchboard.sandbox.callback-base-url=" + hub.url(),
                "--switchboard.sandbox.callback-delay=" + callbackDelay), Stream.of(settings)).toArray(String[]::new);
        return new SpringApplicationBuilder(SandboxCarriersApplication.class)
                .profiles(SandboxCarriersApplication.PROFILE).run(arguments);
    }

    static HubClient client(ConfigurableApplicationContext carriers) {
        return new HubClient(Integer.parseInt(carriers.getEnvironment().getProperty("local.server.port")));
    }
}
