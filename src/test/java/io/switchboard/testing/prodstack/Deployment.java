package io.switchboard.testing.prodstack;

import io.switchboard.testing.HubClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A production-like deployment on loopback, each part a process of its own: one hub ({@link ProdStack}) or several
 * over a replicated broker pair ({@link ClusterStack}), the sandbox carriers and the hubs' database.
 */
public interface Deployment extends AutoCloseable {

    /** Every hub of the deployment, running or not. */
    List<HubProcess> hubs();

    /** A hub that answers now, to read results from. */
    default HubClient client() {
        return hubs().stream().filter(HubProcess::isRunning).findFirst()
                .orElseThrow(() -> new IllegalStateException("No hub is running")).client();
    }

    /** The client credentials of the one tenant, as {@code SWITCHBOARD_TENANT_*} gave them to the hubs. */
    ProdStack.Tenant tenant();

    SandboxCarriersProcess carriers();

    /** The operator login as an Authorization header, for Hawtio, Jolokia and the actuator. */
    String operatorAuthorization();

    /** A connection to the hubs' database. */
    Connection connectToDatabase() throws SQLException;

    /** Reads one row of a query's result. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The rows of a query on the hubs' database ({@link #connectToDatabase}), each read by {@code reader}. */
    default <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Connection connection = connectToDatabase(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
        }
        return rows;
    }

    /** Stops every hub, then the rest. */
    @Override
    void close();
}
