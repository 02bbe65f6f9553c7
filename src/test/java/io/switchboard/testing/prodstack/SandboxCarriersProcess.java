package io.switchboard.testing.prodstack;

import io.switchboard.sandbox.SandboxCarriersApplication;
import io.switchboard.testing.HubClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The jar in its carrier-only mode, a JVM of its own: the sandbox carriers of every dialect under {@code /sandbox/*},
 * posting their callbacks to the hub it is given and holding them while that hub is down. The suites that kill the
 * hub leave it running, so its {@link #ledger} counts every request across hub restarts. Log: {@code carriers.log}.
 */
public final class SandboxCarriersProcess extends SwitchboardJvm {

    private SandboxCarriersProcess(Path directory, int port, String hubBaseUrl, Map<String, String> environment) {
        super("sandbox carriers on port " + port, port, variables(port, hubBaseUrl, environment), List.of(),
                directory.resolve("carriers.log"), Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    private static Map<String, String> variables(int port, String hubBaseUrl, Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("SPRING_PROFILES_ACTIVE", SandboxCarriersApplication.PROFILE);
        variables.put("SERVER_PORT", String.valueOf(port));
        variables.put("SWITCHBOARD_SANDBOX_CALLBACK_BASE_URL", hubBaseUrl);
        return variables;
    }

    /**
     * Starts the carriers and waits until they answer.
     *
     * @param hubBaseUrl  where they post callbacks, such as {@link HubProcess#baseUrl()}
     * @param environment their credentials ({@code SWITCHBOARD_SANDBOX_V5_PASSWORD}, …) and settings
     *                    ({@code SWITCHBOARD_SANDBOX_CALLBACK_DELAY}, …); config/application.yaml has the rest
     */
    public static SandboxCarriersProcess start(Path directory, String hubBaseUrl, Map<String, String> environment) {
        SandboxCarriersProcess carriers = new SandboxCarriersProcess(directory.toAbsolutePath(), FreePorts.next(),
                hubBaseUrl, environment);
        carriers.start();
        return carriers;
    }

    @Override
    boolean ready() {
        return ledger().isUp();
    }

    /** The base URL of one carrier dialect (v5, v1, pinnacle, channels), for the hub's SWITCHBOARD_*_BASE_URL. */
    public String carrierBaseUrl(String dialect) {
        return "http://127.0.0.1:" + port() + "/sandbox/" + dialect;
    }

    /** What the carriers received, per leg, and the callbacks they hold. */
    public CarrierLedger ledger() {
        return new CarrierLedger(new HubClient(port()));
    }
}
