package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running hub picks up a changed routing file, and keeps its rules when a change is invalid. */
class RoutingReloadIntegrationTest extends HubIntegrationTest {

    private static final Path RULES = copyOfTheShippedRules();

    @Autowired
    private SandboxLedger sandbox;

    @DynamicPropertySource
    static void rulesOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "routing-reload");
        registry.add("switchboard.routing.file", () -> "file:" + RULES.toAbsolutePath());
        registry.add("switchboard.routing.reload-period", () -> "200");
    }

    private static Path copyOfTheShippedRules() {
        try {
            Path copy = Files.createTempFile("routing", ".yaml");
            Files.copy(Path.of("config", "routing.yaml"), copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String carrierThatGot(String recipient) {
        String digits = recipient.substring(1);
        return sandbox.entries().stream()
                .filter(entry -> entry.recipient().equals(recipient) || entry.recipient().equals(digits))
                .map(SandboxLedger.Entry::carrier).findFirst().orElse(null);
    }

    /** Saves the rules with a modification time after the last one, as an editor saving the file again would. */
    private static void save(String rules) throws IOException {
        FileTime before = Files.getLastModifiedTime(RULES);
        Files.writeString(RULES, rules);
        Files.setLastModifiedTime(RULES, FileTime.fromMillis(before.toMillis() + 1_000));
    }

    @Test
    void shouldRouteByTheSavedRulesAndKeepThemWhenASaveIsInvalid() throws IOException {
        String shipped = Files.readString(RULES);
        sendV1("+15550900042");
        eventually().until(() -> "sandbox-v5".equals(carrierThatGot("+15550900042")));

        save(shipped.replace("rules:\n", """
                rules:
                  - id: reload-test
                    match:
                      recipient-prefix: ["+1555090"]
                    carrier: sandbox-pinnacle
                """));
        eventually().until(() -> hub().get("/actuator/routing", "Authorization", OPERATOR).json()
                .path("rules").get(0).path("id").asText().equals("reload-test"));
        sendV1("+15550900142");
        eventually().until(() -> "sandbox-pinnacle".equals(carrierThatGot("+15550900142")));

        save(shipped.replace("rules:\n", """
                rules:
                  - id: reload-test
                    carrier: sandbox-nowhere
                """));
        int idLine = shipped.lines().toList().indexOf("rules:") + 2;
        eventually().until(() -> hub().get("/actuator/routing", "Authorization", OPERATOR).json()
                .path("refusal").asText().contains("line " + idLine + ", rule 'reload-test' names carrier"
                        + " 'sandbox-nowhere'"));
        sendV1("+15550900242");
        eventually().until(() -> "sandbox-pinnacle".equals(carrierThatGot("+15550900242")));
        assertThat(hub().get("/actuator/routing", "Authorization", OPERATOR).json().path("rules").get(0)
                .path("carrier").asText()).isEqualTo("sandbox-pinnacle");
    }

    @Test
    void shouldFailOverAsDecidedAtTheSendWhenTheRulesChangeBeforeTheTimeLimit() throws IOException {
        String shipped = Files.readString(RULES);
        saveFailoverOfRule(shipped, "{mode: hub, ttl: 2s, chain: [{carrier: sandbox-channels}]}", "HUB");
        // the sandbox accepts RCS to numbers ending in 02 and never reports them delivered
        String messageId = sendV1("+15550910002");
        eventually().until(() -> timeline(messageId), timeline -> timeline.contains("sent"));

        saveFailoverOfRule(shipped, "{mode: none}", "NONE");

        eventually().until(() -> timeline(messageId), timeline -> timeline.contains("failover")
                && timeline.contains("delivered"));
        assertThat(sandbox.entries().stream().filter(entry -> entry.recipient().replace("+", "")
                .equals("15550910002")).map(SandboxLedger.Entry::carrier))
                .containsExactly("sandbox-v5", "sandbox-channels");
    }

    /** Saves the shipped rules with a first rule for +1555091 numbers that fails over as given, and waits for it. */
    private void saveFailoverOfRule(String shipped, String failover, String mode) throws IOException {
        save(shipped.replace("rules:\n", """
                rules:
                  - id: decided-at-send
                    match:
                      recipient-prefix: ["+1555091"]
                    carrier: sandbox-v5
                    failover: %s
                """.formatted(failover)));
        eventually().until(() -> hub().get("/actuator/routing", "Authorization", OPERATOR).json()
                .path("rules").get(0).path("failover").path("mode").asText().equals(mode));
    }
}
