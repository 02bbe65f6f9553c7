package io.switchboard;

import io.switchboard.sandbox.SandboxCarriersApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SwitchboardApplication {

    public static void main(String[] args) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Optional<Path> home = home(System.getenv("SWITCHBOARD_HOME"), workingDirectory);
        if (home.isEmpty()) {
            System.err.println(wrongDirectoryAdvice(workingDirectory));
            System.exit(2);
        }
        SpringApplication application = new SpringApplication(carriersOnly(args)
                ? SandboxCarriersApplication.class : SwitchboardApplication.class);
        application.setDefaultProperties(defaultProperties(home.get(), workingDirectory));
        application.run(args);
    }

    /**
     * Whether the {@code carriers} profile is active (command line, system property or {@code SPRING_PROFILES_ACTIVE}):
     * then the jar runs the sandbox carriers alone. Decided before any context exists, as it picks the context.
     */
    static boolean carriersOnly(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return environment.acceptsProfiles(Profiles.of(SandboxCarriersApplication.PROFILE));
    }

    /**
     * The folder that holds {@code config/application.yaml} and {@code routes/}: {@code SWITCHBOARD_HOME} when set,
     * else the working directory; empty when that folder does not hold them.
     */
    static Optional<Path> home(String configured, Path workingDirectory) {
        Path home = configured == null || configured.isBlank()
                ? workingDirectory : workingDirectory.resolve(configured).normalize();
        boolean complete = Files.isRegularFile(home.resolve("config").resolve("application.yaml"))
                && Files.isDirectory(home.resolve("routes"));
        return complete ? Optional.of(home) : Optional.empty();
    }

    static Map<String, Object> defaultProperties(Path home, Path workingDirectory) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("switchboard.home", home.toString());
        if (!home.equals(workingDirectory)) {
            // Spring Boot reads ./config/ by itself; started elsewhere, point it at the home's config/
            defaults.put("spring.config.additional-location", "optional:file:" + home.resolve("config") + "/");
        }
        return defaults;
    }

    static String wrongDirectoryAdvice(Path workingDirectory) {
        return """
                Switchboard cannot find config/application.yaml and routes/ in %s.
                Start it from the Switchboard folder (the one with pom.xml), or set SWITCHBOARD_HOME to that folder:
                  SWITCHBOARD_HOME=/path/to/switchboard java -jar switchboard.jar""".formatted(workingDirectory);
    }
}
