package dev.ktx.ingest.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.database.DatabaseCatalog;
import dev.ktx.ingest.core.database.DatabaseSchemaIngest;
import dev.ktx.ingest.core.database.Trees;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoWarehouseIT {

    @Test
    void scriptCanBeRunAgainAndGivesTheSameManifest() throws Exception {
        Warehouse warehouse = Warehouse.demo();
        SyncId sync = new SyncId(Instant.parse("2026-03-01T10:00:00Z"), "job1");
        InMemoryRepoTree afterFirst = Trees.apply(
                new InMemoryRepoTree(),
                DatabaseSchemaIngest.changes(new InMemoryRepoTree(), "warehouse", catalog(warehouse), Map.of(), sync));

        warehouse.execute(Files.readString(Warehouse.DEMO_SCHEMA));

        assertThat(DatabaseSchemaIngest.changes(afterFirst, "warehouse", catalog(warehouse), Map.of(), sync)
                        .isEmpty())
                .isTrue();
        try (Connection jdbc = warehouse.connect();
                Statement statement = jdbc.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM accounts JOIN mart_account_segments USING (account_id)")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(4);
        }
    }

    private static DatabaseCatalog catalog(Warehouse warehouse) throws Exception {
        try (Connection jdbc = warehouse.connect()) {
            return PostgresIntrospector.introspect(jdbc, warehouse.connection());
        }
    }
}
