package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.carrier.CarrierProperties;
import io.switchboard.model.Dialect;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.routing.RoutingTable;
import io.switchboard.testing.DialectModulesForTests;
import io.switchboard.testing.RouteFileTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

/**
 * routes/routing-reload.camel.yaml alone: its timer, on the hub's reload period, has the real routing table read its
 * file again, so a changed file takes effect and an invalid one is refused with the rules in force kept. Nothing is
 * replaced; the file is a temporary one the test rewrites.
 */
class RoutingReloadRoutesTest extends RouteFileTest {

    private static final Message SMS = new Message("msg_1", "demo", Dialect.V1, null, "+14155550100",
            "+14155550101", new SmsContent("hello"), FailoverPlan.none(), null, null, null, null,
            Instant.parse("2026-12-07T10:00:00Z"));

    private final Path file = routingFile("defaults:\n  SMS: carrier-a\n");
    private final RoutingTable routingTable = new RoutingTable(new FileSystemResource(file), new CarrierProperties(
            List.of(carrier("carrier-a"), carrier("carrier-b"))), DialectModulesForTests.carrierSides());

    @Override
    protected String routeFile() {
        return "routing-reload.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("routingTable", routingTable);
    }

    @Override
    protected void advise() {
    }

    @Test
    void shouldRouteByTheChangedFileAfterTheNextReload() throws Exception {
        saveAndAwaitTheNextReload("defaults:\n  SMS: carrier-b\n");

        assertThat(routingTable.carrierFor(SMS)).isEqualTo("carrier-b");
        assertThat(routingTable.lastRefusal()).isNull();
    }

    @Test
    void shouldKeepTheRulesInForceWhenTheChangedFileIsInvalid() throws Exception {
        saveAndAwaitTheNextReload("defaults:\n  SMS: carrier-x\n");

        assertThat(routingTable.carrierFor(SMS)).isEqualTo("carrier-a");
        assertThat(routingTable.lastRefusal()).contains("names carrier 'carrier-x'");
    }

    /**
     * Writes the file with a modification time a second on, as an editor saving it later would, and waits for the
     * timer's next run (the first comes a reload period after the start).
     */
    private void saveAndAwaitTheNextReload(String yaml) throws IOException {
        NotifyBuilder reloaded = new NotifyBuilder(context).fromRoute("routing-reload").whenCompleted(1).create();
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 1000));
        assertThat(reloaded.matches(10, TimeUnit.SECONDS)).as("reloaded").isTrue();
    }

    private static Path routingFile(String yaml) {
        try {
            Path written = Files.createTempFile("routing", ".yaml");
            written.toFile().deleteOnExit();
            return Files.writeString(written, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CarrierProperties.CarrierConfig carrier(String id) {
        return new CarrierProperties.CarrierConfig(id, null, Dialect.V1, "https://carrier.example", null, null, "key",
                null, null, null, "secret", null, null, null, null, null, null);
    }
}
