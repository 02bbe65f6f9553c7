package io.switchboard.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.broker.BrokerProperties;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.prodstack.ReplicatedArtemis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.HAPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the hub is built, so the docker/ files are checked statically: broker.xml is parsed by
 * Artemis itself and must match the embedded broker's topology, compose.yaml must wire the hub to the standalone
 * broker and PostgreSQL, its cluster profile must pair the brokers and balance two hubs under the names the broker
 * properties use, and the Dockerfile must build in stages and run as a non-root user.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("docker");

    /** The image copies this folder into the broker instance's etc, where {@code artemis run} reads both files. */
    private static final String ETC_OVERRIDE = "/var/lib/artemis-instance/etc-override/";
    /** How .env.example shows the broker pair's URL, to be set with the cluster profile. */
    private static final String PAIR_URL_LINE = "# SWITCHBOARD_BROKER_URL=";

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

    /**
     * compose.yaml as Compose reads it. SnakeYAML, because it resolves the merge keys ({@code <<: *switchboard}) the
     * file shares its hub and broker settings with; Jackson's YAML reader keeps them as keys.
     */
    private static Map<String, Object> compose() throws Exception {
        return new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** The source of the service's volume mounted at {@code target}, read-only when it is a file of docker/. */
    @SuppressWarnings("unchecked")
    private static String mountedAt(Map<String, Object> service, String target) {
        List<String> sources = ((List<String>) service.get("volumes")).stream()
                .map(volume -> volume.split(":"))
                .filter(parts -> parts[1].equals(target))
                .map(parts -> parts[0] + (parts.length > 2 ? ":" + parts[2] : ""))
                .toList();
        assertThat(sources).as("one volume at " + target).hasSize(1);
        String source = sources.get(0);
        if (source.startsWith("./")) {
            assertThat(source).as(target).endsWith(":ro");
            source = source.substring(0, source.length() - ":ro".length());
            assertThat(DOCKER.resolve(source)).as(source + " is a file the repository has").isRegularFile();
        }
        return source;
    }

    /** A broker of the pair: its properties file applied by Artemis on top of broker.xml, as at the broker's start. */
    private static FileConfiguration pairedBroker(String properties) throws Exception {
        FileConfiguration broker = standaloneBroker();
        String name = Path.of(properties).getFileName().toString();
        broker.parseFileProperties(DOCKER.resolve(properties).toFile());
        assertThat(Fixtures.MAPPER.readTree(broker.getStatus()).at("/properties/" + name + "/errors"))
                .as(name + " applies without errors").isEmpty();
        return broker;
    }

    private static String address(TransportConfiguration transport) {
        return transport.getParams().get("host") + ":" + transport.getParams().get("port");
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
        Map<String, Map<String, Object>> services = services(compose());

        assertThat(services).containsOnlyKeys("artemis", "artemis-backup", "postgres", "switchboard", "switchboard-2",
                "balancer", "prometheus", "grafana");
        Map<String, Object> hub = services.get("switchboard");
        Map<String, String> environment = (Map<String, String>) hub.get("environment");
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                .containsEntry("SPRING_ARTEMIS_MODE", "native")
                .containsEntry("SPRING_ARTEMIS_EMBEDDED_ENABLED", "false")
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
        assertThat(mountedAt(services.get("artemis"), ETC_OVERRIDE + "broker.xml")).isEqualTo("./broker.xml");
    }

    @Test
    void shouldPairTheBrokersUnderTheirComposeServiceNames() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Map<String, Object>> services = services(compose);
        Map<String, Object> primary = services.get("artemis");
        Map<String, Object> backup = services.get("artemis-backup");

        assertClusterOnly(services, "artemis-backup");
        assertThat(backup).containsEntry("image", primary.get("image"))
                .containsEntry("environment", primary.get("environment"));
        assertThat(mountedAt(backup, ETC_OVERRIDE + "broker.xml"))
                .isEqualTo(mountedAt(primary, ETC_OVERRIDE + "broker.xml"));
        assertOwnVolumes(compose, "artemis", "artemis-backup", "/var/lib/artemis-instance/data");

        FileConfiguration primaryBroker = pairedBroker(mountedAt(primary, ETC_OVERRIDE + "broker.properties"));
        FileConfiguration backupBroker = pairedBroker(mountedAt(backup, ETC_OVERRIDE + "broker.properties"));
        assertThat(primaryBroker.getHAPolicyConfiguration()).isInstanceOfSatisfying(ReplicatedPolicyConfiguration.class,
                policy -> assertThat(policy.isCheckForActiveServer()).as("fails back at a restart").isTrue());
        assertThat(backupBroker.getHAPolicyConfiguration()).isInstanceOfSatisfying(ReplicaPolicyConfiguration.class,
                policy -> assertThat(policy.isAllowFailBack()).as("hands back to a returning primary").isTrue());
        assertThat(primaryBroker.getHAPolicyConfiguration().getType())
                .isEqualTo(HAPolicyConfiguration.TYPE.REPLICATION_PRIMARY_QUORUM_VOTING);
        assertThat(backupBroker.getHAPolicyConfiguration().getType())
                .isEqualTo(HAPolicyConfiguration.TYPE.REPLICATION_BACKUP_QUORUM_VOTING);
        assertPairedWith(primaryBroker, "artemis", "artemis-backup");
        assertPairedWith(backupBroker, "artemis-backup", "artemis");
    }

    @SuppressWarnings("unchecked")
    private static void assertClusterOnly(Map<String, Map<String, Object>> services, String... names) {
        for (String name : names) {
            assertThat((List<String>) services.get(name).get("profiles")).as(name).containsExactly("cluster");
        }
    }

    /** Two instances of one thing, each keeping its data in a named volume of its own. */
    @SuppressWarnings("unchecked")
    private static void assertOwnVolumes(Map<String, Object> compose, String first, String second, String target) {
        Map<String, Map<String, Object>> services = services(compose);
        String firstVolume = mountedAt(services.get(first), target);
        String secondVolume = mountedAt(services.get(second), target);
        assertThat(secondVolume).as(second + " shares no volume with " + first).isNotEqualTo(firstVolume);
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys(firstVolume, secondVolume);
    }

    /** Reached by its peer and the hubs at its compose service name and its acceptor's port, and replicating to it. */
    private static void assertPairedWith(FileConfiguration broker, String self, String peer) {
        Object port = broker.getAcceptorConfigurations().stream().map(acceptor -> acceptor.getParams().get("port"))
                .findFirst().orElseThrow();
        assertThat(address(broker.getConnectorConfigurations().get("self"))).isEqualTo(self + ":" + port);
        assertThat(address(broker.getConnectorConfigurations().get("peer"))).isEqualTo(peer + ":" + port);
        ClusterConnectionConfiguration pair = broker.getClusterConfigurations().stream()
                .filter(cluster -> cluster.getName().equals("pair")).findFirst().orElseThrow();
        assertThat(pair.getConnectorName()).isEqualTo("self");
        assertThat(pair.getStaticConnectors()).containsExactly("peer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTwoIdenticalHubsOnTheBrokerPairBehindTheBalancerInTheClusterProfile() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Map<String, Object>> services = services(compose);
        Map<String, Object> hub = services.get("switchboard");
        Map<String, Object> second = services.get("switchboard-2");

        assertClusterOnly(services, "switchboard-2", "balancer");
        for (String shared : List.of("build", "depends_on", "environment", "restart")) {
            assertThat(second.get(shared)).as(shared).isNotNull().isEqualTo(hub.get(shared));
        }
        assertThat((List<String>) second.get("ports")).containsExactly("8081:8080");
        assertOwnVolumes(compose, "switchboard", "switchboard-2", "/var/lib/switchboard");

        assertThat(((Map<String, String>) hub.get("environment")).get("SPRING_ARTEMIS_BROKER_URL"))
                .as("one broker unless told the pair's URL")
                .isEqualTo("${SWITCHBOARD_BROKER_URL:-tcp://artemis:61616}");
        String brokerUrl = Files.readAllLines(Path.of("docker/.env.example")).stream()
                .filter(line -> line.startsWith(PAIR_URL_LINE)).map(line -> line.substring(PAIR_URL_LINE.length()))
                .findFirst().orElseThrow(() -> new AssertionError(".env.example gives no broker pair URL"));
        assertThat(brokerUrl).as("the pair's URL is the one the cluster tests run with")
                .endsWith("?" + ReplicatedArtemis.CLIENT_PARAMETERS);
        FileConfiguration primary =
                pairedBroker(mountedAt(services.get("artemis"), ETC_OVERRIDE + "broker.properties"));
        FileConfiguration backup =
                pairedBroker(mountedAt(services.get("artemis-backup"), ETC_OVERRIDE + "broker.properties"));
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl)) {
            assertThat(Stream.of(factory.getStaticConnectors()).map(DockerFilesTest::address)).as("primary first")
                    .containsExactly(address(primary.getConnectorConfigurations().get("self")),
                            address(backup.getConnectorConfigurations().get("self")));
            assertThat(factory.isHA()).as("follows the pair's topology").isTrue();
            assertThat(factory.getReconnectAttempts()).as("never gives up").isEqualTo(-1);
            assertThat(factory.getCallFailoverTimeout()).isPositive();
        }
        assertThat(Files.readString(Path.of("docs/scale-out.md"))).as("the docs give the hubs' URL")
                .contains(brokerUrl);

        // a per-hub limit, read by the hub under the name compose gives it, with the hub's own default
        String rateLimit =
                ((Map<String, String>) hub.get("environment")).get("SWITCHBOARD_RATELIMIT_REQUESTSPERSECOND");
        String defaultRate = configuration().getProperty("switchboard.rate-limit.requests-per-second");
        assertThat(rateLimit).isEqualTo("${SWITCHBOARD_RATELIMIT_REQUESTSPERSECOND:-" + defaultRate + "}");
        StandardEnvironment withLimit = new StandardEnvironment();
        withLimit.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("SWITCHBOARD_RATELIMIT_REQUESTSPERSECOND", "7")));
        assertThat(Binder.get(withLimit).bind("switchboard.rate-limit.requests-per-second", Integer.class).get())
                .isEqualTo(7);

        Pattern upstream = Pattern.compile("^\\s*server\\s+([\\w.-]+):(\\d+);");
        List<String> hubs = Files.readAllLines(DOCKER.resolve("cluster/nginx.conf")).stream()
                .map(upstream::matcher).filter(Matcher::find).map(found -> found.group(1) + ":" + found.group(2))
                .toList();
        String hubPort = ((List<String>) hub.get("ports")).get(0).split(":")[1];
        assertThat(hubs).containsExactly("switchboard:" + hubPort, "switchboard-2:" + hubPort);
        Map<String, Object> balancer = services.get("balancer");
        assertThat(mountedAt(balancer, "/etc/nginx/nginx.conf")).isEqualTo("./cluster/nginx.conf");
        String published = ((List<String>) balancer.get("ports")).get(0).split(":")[1];
        assertThat(Files.readString(DOCKER.resolve("cluster/nginx.conf"))).contains("listen " + published + ";");
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
