package dev.ktx.ingest.connectors.postgres;

import dev.ktx.ingest.core.config.PostgresConnection;
import dev.ktx.ingest.core.config.PostgresUrl;
import dev.ktx.ingest.core.config.PostgresUrlSetting;
import dev.ktx.ingest.core.config.QueryHistorySettings;
import dev.ktx.ingest.testinfra.PostgresEndpoint;
import dev.ktx.ingest.testinfra.PostgresService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A fresh database on a shared test server, loaded with the demo warehouse {@code examples/acme/warehouse/schema.sql}. */
record Warehouse(PostgresEndpoint endpoint) {

    static final Path DEMO_SCHEMA = Path.of("..", "..", "examples", "acme", "warehouse", "schema.sql");

    /** On the stock server. */
    static Warehouse demo() {
        return demo(PostgresService.Flavor.STOCK);
    }

    static Warehouse demo(PostgresService.Flavor flavor) {
        Warehouse warehouse = new Warehouse(PostgresService.shared(flavor).createDatabase());
        try {
            warehouse.execute(Files.readString(DEMO_SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return warehouse;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl());
    }

    /** The same database, connecting as another role. */
    Warehouse as(String user) {
        return new Warehouse(new PostgresEndpoint(endpoint.host(), endpoint.port(), user, endpoint.database()));
    }

    /** Runs a script of one or more statements. */
    void execute(String sql) {
        try (Connection jdbc = connect();
                Statement statement = jdbc.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    PostgresConnection connection(List<String> schemas, List<String> enabledTables, QueryHistorySettings history) {
        return new PostgresConnection(
                "warehouse",
                new PostgresUrlSetting.Inline(PostgresUrl.parse(endpoint.jdbcUrl())),
                schemas,
                enabledTables,
                history);
    }

    PostgresConnection connection() {
        return connection(List.of(), List.of(), QueryHistorySettings.DEFAULTS);
    }
}
