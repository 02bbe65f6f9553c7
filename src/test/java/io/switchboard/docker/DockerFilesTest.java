package io.switchboard.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.broker.BrokerProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the hub is built, so the docker/ files are checked statically: broker.xml is parsed by
 * Artemis itself and must match the embedded broker's topology, compose.yaml must wire the hub to the standalone
 * broker and PostgreSQL, and the Dockerfile must build in stages and run as a non-root user.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("docker");

    private static StandardEnvironment configuration() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new FileSystemResource("config/application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static BrokerProperties configuredBroker() throws Exception {
        return Binder.get(configuration()).bind("switchboard.broker", BrokerProperties.class).get();
    }

    /** Read and schema-validated by Artemis, as the standalone broker reads it at start. */
    private static FileConfiguration standaloneBroker() throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment =
                new FileDeploymentManager(DOCKER.resolve("broker.xml").toAbsolutePath().toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        return configuration;
    }

    @Test
    void shouldDeclareTheSameQueuesAsTheEmbeddedBroker() throws Exception {
        BrokerProperties broker = configuredBroker();

        Map<String, QueueConfiguration> queues = standaloneBroker().getAddressConfigurations().stream()
                .flatMap(address -> address.getQueueConfigs().stream())
                .collect(Collectors.toMap(queue -> queue.getName().toString(), queue -> queue));

        assertThat(queues.keySet()).containsExactlyInAnyOrder(broker.ingress(), broker.ingressInvalid(),
                broker.outbound(), broker.failover(), broker.webhooksQueue(), broker.webhookDeliveries(),
                broker.webhooksParked(), broker.callbacksUnmatched(), broker.deadLetters());
        assertThat(queues.get(broker.webhooksQueue()).getAddress().toString()).isEqualTo(broker.events());
        assertThat(queues.get(broker.webhooksQueue()).getRoutingType()).isEqualTo(RoutingType.MULTICAST);
        assertThat(queues.get(broker.outbound()).getRoutingType()).isEqualTo(RoutingType.ANYCAST);
        assertThat(standaloneBroker().getAddressConfigurations())
                .filteredOn(address -> address.getName().equals(broker.inbound()))
                .singleElement()
                .satisfies(address -> assertThat(address.getRoutingTypes()).containsExactly(RoutingType.MULTICAST));
    }

    @Test
    void shouldRetryAsTheApplicationYamlSays() throws Exception {
        BrokerProperties broker = configuredBroker();
        Map<String, AddressSettings> settings = standaloneBroker().getAddressSettings();

        assertRetry(settings.get("#"), broker.dispatchRetry(), broker.deadLetters());
        assertRetry(settings.get(broker.webhookDeliveries()), broker.webhookRetry(), broker.deadLetters());
        assertRetry(settings.get(broker.callbacksUnmatched()), broker.callbackRetry(), broker.deadLetters());
    }

    private static void assertRetry(AddressSettings actual, BrokerProperties.Retry expected, String deadLetters) {
        assertThat(actual.getMaxDeliveryAttempts()).isEqualTo(expected.attempts());
        assertThat(Duration.ofMillis(actual.getRedeliveryDelay())).isEqualTo(expected.firstDelay());
        assertThat(actual.getRedeliveryMultiplier()).isEqualTo(expected.multiplier());
        assertThat(Duration.ofMillis(actual.getMaxRedeliveryDelay())).isEqualTo(expected.maxDelay());
        assertThat(actual.getRedeliveryCollisionAvoidanceFactor()).isEqualTo(expected.jitter());
        assertThat(actual.getDeadLetterAddress().toString()).isEqualTo(deadLetters);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWireTheHubToTheStandaloneBrokerAndPostgres() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        assertThat(services).containsOnlyKeys("artemis", "postgres", "switchboard", "prometheus", "grafana");
        Map<String, Object> hub = (Map<String, Object>) services.get("switchboard");
        Map<String, String> environment = (Map<String, String>) hub.get("environment");
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                .containsEntry("SPRING_ARTEMIS_MODE", "native")
                .containsEntry("SPRING_ARTEMIS_EMBEDDED_ENABLED", "false")
                .containsEntry("SPRING_ARTEMIS_BROKER_URL", "tcp://artemis:61616")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/switchboard");
        String prodProfile = Files.readString(Path.of("config/application-prod.yaml"));
        for (String required : List.of("SWITCHBOARD_ADMIN_PASSWORD", "SWITCHBOARD_CALLBACK_TOKEN_SECRET",
                "SWITCHBOARD_TENANT_ID", "SWITCHBOARD_V5_USERNAME", "SWITCHBOARD_V5_PASSWORD")) {
            assertThat(prodProfile).as("the prod profile reads " + required).contains("${" + required + "}");
            assertThat(environment).as("compose passes " + required).containsKey(required);
        }
        Map<String, Object> build = (Map<String, Object>) hub.get("build");
        assertThat(Path.of("docker").resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))
                .normalize()).isEqualTo(DOCKER.resolve("Dockerfile").normalize());
        List<String> brokerVolumes = (List<String>) ((Map<String, Object>) services.get("artemis")).get("volumes");
        assertThat(brokerVolumes).contains("./broker.xml:/var/lib/artemis-instance/etc-override/broker.xml:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunPrometheusAndGrafanaWithTheHubsFilesInTheMonitoringProfileOnly() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        for (String core : List.of("artemis", "postgres", "switchboard")) {
            assertThat((Map<String, Object>) services.get(core)).as(core + " runs in every profile")
                    .doesNotContainKey("profiles");
        }
        for (String monitoring : List.of("prometheus", "grafana")) {
            Map<String, Object> service = (Map<String, Object>) services.get(monitoring);
            assertThat((List<String>) service.get("profiles")).containsExactly("monitoring");
            for (String volume : (List<String>) service.get("volumes")) {
                String source = volume.split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(DOCKER.resolve(source)).as(volume + " mounts a file the repository has")
                            .isRegularFile();
                }
            }
        }
        Map<String, Object> prometheus = (Map<String, Object>) services.get("prometheus");
        assertThat((List<String>) prometheus.get("volumes")).contains(
                "./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro");
        Map<String, Object> scrapeConfig =
                new Yaml().load(Files.readString(DOCKER.resolve("monitoring/prometheus.yml")));
        assertThat((List<String>) scrapeConfig.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        Map<String, Object> job = ((List<Map<String, Object>>) scrapeConfig.get("scrape_configs")).get(0);
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        String passwordFile = (String) ((Map<String, Object>) job.get("basic_auth")).get("password_file");
        String secret = ((List<String>) prometheus.get("secrets")).get(0);
        assertThat(passwordFile).as("the scrape reads the compose secret").isEqualTo("/run/secrets/" + secret);
        Map<String, Object> secrets = (Map<String, Object>) compose.get("secrets");
        assertThat((Map<String, Object>) secrets.get(secret))
                .containsEntry("environment", "SWITCHBOARD_ADMIN_PASSWORD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWatchTheDevHubOfTheRunCommandWithTheSameImagesAndFiles() throws Exception {
        Map<String, Object> production = (Map<String, Object>) ((Map<String, Object>) new Yaml()
                .load(Files.readString(DOCKER.resolve("compose.yaml")))).get("services");
        Map<String, Object> dev = (Map<String, Object>) ((Map<String, Object>) new Yaml()
                .load(Files.readString(DOCKER.resolve("monitoring/compose.yaml")))).get("services");

        assertThat(dev).containsOnlyKeys("prometheus", "grafana");
        for (String service : dev.keySet()) {
            Map<String, Object> devService = (Map<String, Object>) dev.get(service);
            assertThat(devService.get("image")).isEqualTo(((Map<String, Object>) production.get(service)).get("image"));
            for (String volume : (List<String>) devService.get("volumes")) {
                assertThat(DOCKER.resolve("monitoring").resolve(volume.split(":")[0])).as(volume).isRegularFile();
            }
        }
        assertThat((List<String>) ((Map<String, Object>) dev.get("prometheus")).get("volumes"))
                .contains("./prometheus-dev.yml:/etc/prometheus/prometheus.yml:ro");
        Map<String, Object> job = ((List<Map<String, Object>>) ((Map<String, Object>) new Yaml()
                .load(Files.readString(DOCKER.resolve("monitoring/prometheus-dev.yml")))).get("scrape_configs")).get(0);
        Map<String, Object> login = (Map<String, Object>) job.get("basic_auth");
        StandardEnvironment environment = configuration();
        assertThat(login).containsEntry("username", environment.getProperty("switchboard.admin.username"))
                .containsEntry("password", environment.getProperty("switchboard.admin.password"));
        assertThat(job.get("static_configs").toString()).contains("host.docker.internal:8080");
    }

    @Test
    void shouldBuildInStagesAndRunAsANonRootUser() throws Exception {
        List<String> instructions = Files.readAllLines(DOCKER.resolve("Dockerfile")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith(" "))
                .toList();

        assertThat(instructions.stream().filter(line -> line.startsWith("FROM "))).hasSize(2)
                .last().asString().startsWith("FROM eclipse-temurin:17-jre");
        assertThat(instructions).anyMatch(line -> line.matches("USER [1-9][0-9]*(:[1-9][0-9]*)?"));
        for (String copy : instructions.stream().filter(line -> line.startsWith("COPY ")
                && !line.contains("--from=")).toList()) {
            String source = copy.split("\\s+")[1];
            assertThat(Path.of(source)).as(copy + " copies something the repository has").exists();
        }
    }
}
