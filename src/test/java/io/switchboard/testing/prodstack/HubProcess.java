package io.switchboard.testing.prodstack;

import io.switchboard.testing.HubClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub as a JVM of its own, from the packaged jar, with the environment a deployment would give it and a data
 * directory of its own; killed -9 or stopped and started again on the same data and port (carriers keep posting
 * callbacks to that port). Its output goes to {@code hub.log} in its directory. Without {@code SPRING_PROFILES_ACTIVE}
 * in the environment it runs the default profile (embedded broker and H2 under its data directory).
 */
public final class HubProcess extends SwitchboardJvm {

    private HubProcess(Path directory, int port, Map<String, String> environment, List<String> arguments) {
        super("hub on port " + port, port, variables(directory, port, environment), arguments,
                directory.resolve("hub.log"), Duration.ofMinutes(3), Duration.ofSeconds(60));
    }

    private static Map<String, String> variables(Path directory, int port, Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>();
        variables.put("SWITCHBOARD_DATA_DIR", directory.resolve("data").toString());
        variables.putAll(environment);
        variables.put("SERVER_PORT", String.valueOf(port));
        return variables;
    }

    /**
     * A hub not yet started.
     *
     * @param directory   where its data and log go
     * @param port        its HTTP port, such as {@link FreePorts#next()}; chosen by the caller, as the carriers need
     *                    the hub's address ({@link #baseUrl(int)}) before it starts
     * @param environment the variables a deployment would set
     * @param arguments   command-line arguments, which win over config/ and the environment
     */
    public static HubProcess prepare(Path directory, int port, Map<String, String> environment,
            List<String> arguments) {
        return new HubProcess(directory.toAbsolutePath(), port, environment, arguments);
    }

    /** Readiness: the hub has started and reaches its broker and database. */
    @Override
    boolean ready() {
        return readiness().status() == 200;
    }

    /** The readiness probe's answer: 200 or 503, and the state of each component (hub, jms, db) with its reason. */
    public HubClient.Response readiness() {
        return client().get("/actuator/health/readiness");
    }

    /** Where clients, carriers and the hub's own public base URL reach it: {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return baseUrl(port());
    }

    public static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    public HubClient client() {
        return new HubClient(port());
    }
}
