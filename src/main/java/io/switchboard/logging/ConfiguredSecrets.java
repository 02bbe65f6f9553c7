package io.switchboard.logging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Registers every secret the hub is configured with for {@link SecretMasking}, as soon as the configuration is read
 * and before any bean can log: each property whose name says it holds one (password, secret, API, access or signing
 * key), from the config files or the environment, and the HTTP Basic credential each username and password pair
 * makes (the base64 of {@code user:password} is as secret as the password). Listed in META-INF/spring.factories,
 * as it must run before the application context exists.
 */
public class ConfiguredSecrets implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|secret|api[-_.]?key|access[-_.]?key|signing[-_.]?key).*");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        SecretMasking.register(secrets(event.getEnvironment()));
    }

    /** The secret values of the configuration and the environment (the test of every log line reads them too). */
    public static List<String> secrets(ConfigurableEnvironment environment) {
        Map<String, String> values = new HashMap<>();
        environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> List.of(((EnumerablePropertySource<?>) source).getPropertyNames()).stream())
                .forEach(name -> values.computeIfAbsent(name, key -> resolved(environment, key)));
        List<String> secrets = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value == null || !SECRET_NAME.matcher(name).matches()) {
                return;
            }
            secrets.add(value);
            // tenants' v5-password beside v5-username, carriers' password beside username, in files or the environment
            String usernameName = name.replace("password", "username").replace("PASSWORD", "USERNAME");
            String username = usernameName.equals(name) ? null : values.get(usernameName);
            if (username != null) {
                secrets.add(Base64.getEncoder()
                        .encodeToString((username + ":" + value).getBytes(StandardCharsets.UTF_8)));
            }
        });
        return secrets;
    }

    /** The property's value with its placeholders resolved, or null when they cannot be. */
    private static String resolved(ConfigurableEnvironment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException | ConversionException unresolvable) {
            return null;
        }
    }
}
