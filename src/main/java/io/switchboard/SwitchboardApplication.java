package io.switchboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SwitchboardApplication {

    public static void main(String[] args) {
        Path home = home(System.getenv("SWITCHBOARD_HOME"));
        SpringApplication application = new SpringApplication(SwitchboardApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("switchboard.home", home.toString());
        if (!home.equals(Path.of("").toAbsolutePath())) {
            // Spring Boot reads ./config/ by itself; started elsewhere, point it at the home's config/
            defaults.put("spring.config.additional-location", "optional:file:" + home.resolve("config") + "/");
        }
        application.setDefaultProperties(defaults);
        application.run(args);
    }

    /**
     * The folder that holds {@code config/} and {@code routes/}: {@code SWITCHBOARD_HOME}, else the working
     * directory. Stops with a message that says what to do when neither holds them.
     */
    static Path home(String configured) {
        Path home = Path.of(configured == null || configured.isBlank() ? "" : configured).toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(home.resolve("config/application.yaml")) || !Files.isDirectory(home.resolve("routes"))) {
            System.err.printf("""
                    Switchboard cannot find config/application.yaml and routes/ in %s.
                    Start it from the Switchboard folder (the one with pom.xml), or set SWITCHBOARD_HOME to that \
                    folder, for example:
                      SWITCHBOARD_HOME=/opt/switchboard java -jar switchboard.jar
                    """, home);
            System.exit(2);
        }
        return home;
    }
}
