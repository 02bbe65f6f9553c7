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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class RoutingTableTest {

    private static final Set<String> CARRIERS = Set.of("carrier-a", "carrier-b", "carrier-c");

    private final RoutingRules rules = RoutingTable.read(new ClassPathResource("routing/rules.yaml"),
            CARRIERS::contains);

    @Test
    void firstMatchingRuleWins() {
        Message germanFromAcme = message("demo", Dialect.V5, "agent_acme", "+4917612345678", rcs());
        assertThat(rules.carrierFor(germanFromAcme)).isEqualTo("carrier-b");
        assertThat(rules.carrierFor(message("demo", Dialect.V5, "agent_acme", "+14155550100", rcs())))
                .isEqualTo("carrier-c");
    }

    @Test
    void everyConditionOfARuleMustHold() {
        SmsContent sms = new SmsContent("hi");
        assertThat(rules.carrierFor(message("other", Dialect.PINNACLE, "+14155550199", "+14155550100", sms)))
                .isEqualTo("carrier-c");
        assertThat(rules.carrierFor(message("other", Dialect.V5, "+14155550199", "+14155550100", sms)))
                .as("source dialect not listed").isEqualTo("carrier-b");
        assertThat(rules.carrierFor(message("demo", Dialect.PINNACLE, "+14155550199", "+14155550100", sms)))
                .as("tenant not listed").isEqualTo("carrier-b");
    }

    @Test
    void unmatchedMessagesGoToTheirChannelsDefaultOrNowhere() {
        assertThat(rules.carrierFor(message("demo", Dialect.V1, "agent_x", "+14155550100", rcs())))
                .isEqualTo("carrier-a");
        MmsContent mms = new MmsContent(null, null, List.of(URI.create("https://example.com/a.jpg")));
        assertThat(rules.carrierFor(message("demo", Dialect.V1, "+14155550199", "+14155550100", mms))).isNull();
    }

    @Test
    void refusesACarrierTheConfigurationDoesNotDefine() {
        assertThatThrownBy(() -> RoutingTable.read(new ClassPathResource("routing/unknown-carrier.yaml"),
                CARRIERS::contains))
                .hasMessageContaining("rule 'typo' names carrier 'carier-b'");
    }

    @Test
    void refusesAnUnknownKeyNamingItsLine() {
        assertThatThrownBy(() -> RoutingTable.read(new ClassPathResource("routing/unknown-key.yaml"),
                CARRIERS::contains))
                .hasMessageContaining("recipient_prefix")
                .hasMessageContaining("line: ");
    }

    @Test
    void theShippedRoutingFilesNameOnlyCarriersTheirProfilesDefine() {
        assertThat(RoutingTable.read(new FileSystemResource("config/routing.yaml"),
                Set.of("sandbox-v5", "sandbox-pinnacle", "sandbox-v1", "sandbox-channels",
                        "sandbox-channels-sms-only")::contains).rules()).hasSize(5);
        assertThat(RoutingTable.read(new FileSystemResource("config/routing-prod.yaml"),
                Set.of("v5-rcs")::contains).defaults()).containsKey(Channel.RCS);
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
