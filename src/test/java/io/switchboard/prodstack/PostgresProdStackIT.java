package io.switchboard.prodstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.prodstack.Postgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production database: PostgreSQL 16, the hub's Flyway migrations run on it as they are (they claim to be portable
 * between H2 and PostgreSQL), and what was committed survives a stop, a kill -9 and a start on the same data and port.
 */
class PostgresProdStackIT {

    private static final Path DIRECTORY = Path.of("target", "prod-stack", "postgres-" + UUID.randomUUID());
    private static Postgres postgres;

    @BeforeAll
    static void startAndMigrate() {
        postgres = Postgres.start(DIRECTORY);
        MigrateResult migrated = Flyway.configure()
                .dataSource(postgres.jdbcUrl(), postgres.user(), postgres.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        assertThat(migrated.success).isTrue();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void shouldBePostgres16WithEveryMigrationApplied() throws SQLException, IOException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(16);
            ResultSet history = statement.executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"
                            + " ORDER BY installed_rank");
            List<String> applied = new ArrayList<>();
            while (history.next()) {
                assertThat(history.getBoolean("success")).isTrue();
                applied.add(history.getString("version"));
            }
            assertThat(applied).containsExactlyElementsOf(migrationVersions());
        }
    }

    /** The versions of src/main/resources/db/migration, in order. */
    private static List<String> migrationVersions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            return files.map(file -> file.getFileName().toString())
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }

    @Test
    void shouldKeepACommittedRowThroughAStopAndAKill9() throws SQLException {
        String first = insertSubscription();
        postgres.stop();
        assertThat(postgres.isRunning()).isFalse();
        postgres.start();
        String second = insertSubscription();

        postgres.kill();
        assertThat(postgres.isRunning()).isFalse();
        postgres.start();

        assertThat(subscriptionIds()).contains(first, second);
    }

    private static String insertSubscription() throws SQLException {
        String id = "wh_" + UUID.randomUUID();
        try (Connection connection = postgres.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, dialect, created_at)
                VALUES (?, 'acme', 'https://hooks.example.com/', 'message.delivered', 'whsec_x', 'v1', ?)
                """)) {
            insert.setString(1, id);
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }

    private static List<String> subscriptionIds() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM webhook_subscriptions")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString("id"));
            }
            return ids;
        }
    }
}
