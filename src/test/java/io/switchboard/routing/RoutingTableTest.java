package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.model.Channel;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.TextContent;
import io.switchboard.carrier.CarrierProperties;
import io.switchboard.testing.DialectModulesForTests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class RoutingTableTest {

    private static final Set<String> CARRIERS = Set.of("carrier-a", "carrier-b", "carrier-c");

    private final RoutingRules rules = RoutingTable.read(new ClassPathResource("routing/rules.yaml"),
            CARRIERS::contains, CARRIERS::contains);

    @Test
    void firstMatchingRuleWins() {
        Message germanFromAcme = message("demo", Dialect.V5, "agent_acme", "+4917612345678", rcs());
        assertThat(carrierFor(germanFromAcme)).isEqualTo("carrier-b");
        assertThat(carrierFor(message("demo", Dialect.V5, "agent_acme", "+14155550100", rcs())))
                .isEqualTo("carrier-c");
    }

    @Test
    void everyConditionOfARuleMustHold() {
        SmsContent sms = new SmsContent("hi");
        assertThat(carrierFor(message("other", Dialect.PINNACLE, "+14155550199", "+14155550100", sms)))
                .isEqualTo("carrier-c");
        assertThat(carrierFor(message("other", Dialect.V5, "+14155550199", "+14155550100", sms)))
                .as("source dialect not listed").isEqualTo("carrier-b");
        assertThat(carrierFor(message("demo", Dialect.PINNACLE, "+14155550199", "+14155550100", sms)))
                .as("tenant not listed").isEqualTo("carrier-b");
    }

    @Test
    void unmatchedMessagesGoToTheirChannelsDefaultOrNowhere() {
        assertThat(carrierFor(message("demo", Dialect.V1, "agent_x", "+14155550100", rcs())))
                .isEqualTo("carrier-a");
        MmsContent mms = new MmsContent(null, null, List.of(URI.create("https://example.com/a.jpg")));
        assertThat(carrierFor(message("demo", Dialect.V1, "+14155550199", "+14155550100", mms))).isNull();
    }

    @Test
    void refusesACarrierTheConfigurationDoesNotDefine() {
        assertThatThrownBy(() -> RoutingTable.read(new ClassPathResource("routing/unknown-carrier.yaml"),
                CARRIERS::contains, CARRIERS::contains))
                .hasMessageContaining("rule 'typo' names carrier 'carier-b'");
    }

    @Test
    void refusesAnUnknownKeyNamingItsLine() {
        assertThatThrownBy(() -> RoutingTable.read(new ClassPathResource("routing/unknown-key.yaml"),
                CARRIERS::contains, CARRIERS::contains))
                .hasMessageContaining("recipient_prefix")
                .hasMessageContaining("line 5");
    }

    @Test
    void theShippedRoutingFilesNameOnlyCarriersTheirProfilesDefine() {
        assertThat(RoutingTable.read(new FileSystemResource("config/routing.yaml"),
                Set.of("sandbox-v5", "sandbox-pinnacle", "sandbox-v1", "sandbox-channels",
                        "sandbox-channels-sms-only")::contains, Set.of("sandbox-v5", "sandbox-pinnacle")::contains)
                .rules()).hasSize(7);
        assertThat(RoutingTable.read(new FileSystemResource("config/routing-prod.yaml"),
                Set.of("v5-rcs")::contains, "v5-rcs"::equals).defaults()).containsKey(Channel.RCS);
    }

    @Test
    void aRuleNamesItsFailoverAndOtherMessagesGetTheDefaultOne() {
        RoutingRules.Route german = rules.routeFor(message("demo", Dialect.V5, "agent_x", "+4917612345678", rcs()));
        RoutingRules.Route unmatched = rules.routeFor(message("demo", Dialect.V1, "agent_x", "+14155550100", rcs()));

        assertThat(german.rule()).isEqualTo("german-numbers");
        assertThat(german.failover()).isEqualTo(new RoutingRules.Failover(RoutingRules.FailoverMode.HUB,
                Duration.ofSeconds(30), List.of(new RoutingRules.FailoverStep("carrier-c", Channel.MMS),
                        new RoutingRules.FailoverStep("carrier-b", null))));
        assertThat(unmatched.rule()).isEqualTo(RoutingRules.DEFAULT_RULE);
        assertThat(unmatched.failover().mode()).isEqualTo(RoutingRules.FailoverMode.NONE);
    }

    static Stream<Arguments> invalidRules() {
        String head = "# a rule with a mistake\nrules:\n  - id: typo\n";
        return Stream.of(
                Arguments.of(head + "    carrier: carier-b\n", "line 3, rule 'typo' names carrier 'carier-b'"),
                Arguments.of(head + "    carrier: carrier-a\n    failover: {mode: hub}\n",
                        "line 3, rule 'typo': failover mode hub needs a chain of carriers"),
                Arguments.of(head + "    carrier: carrier-a\n    failover: {chain: [{carrier: nope}]}\n",
                        "line 3, rule 'typo' failover chain names carrier 'nope'"),
                Arguments.of(head + "    carrier: carrier-a\n    failover: {chain: [{carrier: carrier-b, channel: RCS}]}\n",
                        "a failover chain step carries SMS or MMS, not RCS"),
                Arguments.of(head + "    carrier: carrier-a\n  - id: typo\n    carrier: carrier-b\n",
                        "rule 'typo': another rule has the same id"),
                Arguments.of(head + "    carrier: carrier-a\n    failover: {mode: sometimes}\n", "line 5"),
                Arguments.of("rules: []\ndefaults:\n  SMS: carrier-a\n  RCS: carrier-x\n",
                        "line 4: the default for RCS names carrier 'carrier-x'"),
                Arguments.of(head + "    carrier: carrier-b\n    failover: {mode: carrier}\n",
                        "line 3, rule 'typo': failover mode carrier needs a v5 or Pinnacle carrier"));
    }

    @ParameterizedTest
    @MethodSource("invalidRules")
    void refusesAnInvalidRuleNamingItsLine(String yaml, String refusal) {
        assertThatThrownBy(() -> RoutingTable.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)),
                CARRIERS::contains, "carrier-a"::equals)).hasMessageContaining(refusal);
    }

    @Test
    void reloadsAChangedFileAndKeepsTheRulesInForceWhenTheChangeIsInvalid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, "defaults:\n  RCS: carrier-a\n");
        RoutingTable table = new RoutingTable(new FileSystemResource(file), new CarrierProperties(
                CARRIERS.stream().map(RoutingTableTest::carrier).toList()), DialectModulesForTests.carrierSides());
        Message message = message("demo", Dialect.V5, "agent_x", "+14155550100", rcs());

        assertThat(table.reload()).as("unchanged").isFalse();
        write(file, "defaults:\n  RCS: carrier-b\n", 1);
        assertThat(table.reload()).isTrue();
        assertThat(table.carrierFor(message)).isEqualTo("carrier-b");

        write(file, "defaults:\n  RCS: carrier-c\nrules:\n  - id: broken\n    carrier: nowhere\n", 2);
        assertThat(table.reload()).isFalse();
        assertThat(table.carrierFor(message)).isEqualTo("carrier-b");
        assertThat(table.lastRefusal()).contains("line 4, rule 'broken' names carrier 'nowhere'");

        write(file, "defaults:\n  RCS: carrier-c\n", 3);
        assertThat(table.reload()).isTrue();
        assertThat(table.carrierFor(message)).isEqualTo("carrier-c");
        assertThat(table.lastRefusal()).isNull();
    }

    /** Writes the file with a modification time {@code step} seconds on, as an editor saving it later would. */
    private static void write(Path file, String yaml, int step) throws Exception {
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis()
                + step * 1000L));
    }

    private static CarrierProperties.CarrierConfig carrier(String id) {
        return new CarrierProperties.CarrierConfig(id, null, Dialect.V5, "https://carrier.example", "u", "p", null,
                null, null, null, null, null, null, null, null, null, null);
    }

    private String carrierFor(Message message) {
        RoutingRules.Route route = rules.routeFor(message);
        return route == null ? null : route.carrier();
    }

    private static Content rcs() {
        return new TextContent("hello", List.of());
    }

    private static Message message(String tenant, Dialect dialect, String sender, String recipient,
            Content content) {
        return new Message("msg_1", tenant, dialect, null, sender, recipient, content, null, null, null, null, null,
                Instant.EPOCH);
    }
}
