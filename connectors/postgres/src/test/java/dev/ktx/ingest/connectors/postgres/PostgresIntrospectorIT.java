package dev.ktx.ingest.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ktx.ingest.core.config.QueryHistorySettings;
import dev.ktx.ingest.core.database.CatalogColumn;
import dev.ktx.ingest.core.database.CatalogJson;
import dev.ktx.ingest.core.database.CatalogTable;
import dev.ktx.ingest.core.database.DatabaseCatalog;
import dev.ktx.ingest.core.database.ForeignKey;
import dev.ktx.ingest.core.database.ManifestShards;
import dev.ktx.ingest.core.repo.Join;
import dev.ktx.ingest.core.repo.ManifestCodec;
import dev.ktx.ingest.core.repo.ManifestEntry;
import dev.ktx.ingest.core.repo.ManifestShard;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresIntrospectorIT {

    private static Warehouse warehouse;

    @BeforeAll
    static void loadDemo() {
        warehouse = Warehouse.demo();
        warehouse.execute("""
                CREATE SCHEMA staging;
                CREATE TABLE staging.raw_signups (id int PRIMARY KEY, email varchar(200), payload text[]);
                CREATE SCHEMA multi;
                CREATE TABLE multi.periods (year int, month int, PRIMARY KEY (year, month));
                CREATE TABLE multi.revenue (year int, month int, amount numeric,
                    FOREIGN KEY (year, month) REFERENCES multi.periods (year, month));
                CREATE EXTENSION pg_stat_statements;
                ANALYZE;
                """);
    }

    @Test
    void smallTableBecomesThisManifestEntry() throws SQLException {
        DatabaseCatalog catalog = introspect(List.of(), List.of("public.plans"));

        assertThat(ManifestCodec.write(shards(catalog).get("public")))
                .isEqualTo("""
                tables:
                  plans:
                    table: %s.public.plans
                    descriptions:
                      db: Price plans that accounts subscribe to
                    columns:
                      - name: plan_id
                        type: text
                        pk: true
                        nullable: false
                      - name: name
                        type: text
                        pk: false
                        nullable: false
                      - name: monthly_price
                        type: numeric(10,2)
                        pk: false
                        nullable: false
                        descriptions:
                          db: List price per month in USD
                """.formatted(warehouse.endpoint().database()));
    }

    @Test
    void scansTablesAndViewsOfEveryUserSchemaButNoSystemOrExtensionObject() throws SQLException {
        DatabaseCatalog catalog = introspect(List.of(), List.of());

        assertThat(catalog.database()).isEqualTo(warehouse.endpoint().database());
        // pg_stat_statements' views live in public but belong to the extension
        assertThat(catalog.tables())
                .extracting(CatalogTable::qualifiedName)
                .containsExactly(
                        "multi.periods",
                        "multi.revenue",
                        "public.accounts",
                        "public.active_accounts",
                        "public.events",
                        "public.mart_account_segments",
                        "public.plans",
                        "public.subscriptions",
                        "staging.raw_signups");
        CatalogTable view = table(catalog, "public.active_accounts");
        assertThat(view.kind()).isEqualTo(CatalogTable.Kind.VIEW);
        assertThat(view.comment()).isEqualTo("Accounts that completed onboarding");
        assertThat(view.rowEstimate()).isNull();
        assertThat(view.columns())
                .extracting(CatalogColumn::name)
                .containsExactly("account_id", "name", "plan", "activated_at");
        assertThat(table(catalog, "public.plans").rowEstimate()).isEqualTo(3L);
    }

    @Test
    void showsTypesAsPostgresDoes() throws SQLException {
        DatabaseCatalog catalog = introspect(List.of(), List.of());

        assertThat(table(catalog, "public.accounts").columns())
                .extracting(
                        CatalogColumn::name, CatalogColumn::type, CatalogColumn::nullable, CatalogColumn::primaryKey)
                .containsExactly(
                        tuple("account_id", "bigint", false, true),
                        tuple("name", "text", false, false),
                        tuple("plan", "text", false, false),
                        tuple("country", "character(2)", true, false),
                        tuple("created_at", "timestamp with time zone", false, false),
                        tuple("activated_at", "timestamp with time zone", true, false));
        assertThat(table(catalog, "staging.raw_signups").columns())
                .extracting(CatalogColumn::type)
                .containsExactly("integer", "character varying(200)", "text[]");
    }

    @Test
    void foreignKeysBecomeManyToOneJoinsAndCommentsBecomeDbDescriptions() throws SQLException {
        ManifestShard shard = shards(introspect(List.of(), List.of())).get("public");

        ManifestEntry subscriptions = shard.tables().get("subscriptions");
        assertThat(subscriptions.joins())
                .containsExactly(
                        new Join(
                                "accounts",
                                "subscriptions.account_id = accounts.account_id",
                                Join.Relationship.MANY_TO_ONE,
                                "foreign_key"),
                        new Join(
                                "plans",
                                "subscriptions.plan_id = plans.plan_id",
                                Join.Relationship.MANY_TO_ONE,
                                "foreign_key"));
        assertThat(shard.tables().get("mart_account_segments").joins())
                .extracting(Join::to)
                .containsExactly("accounts");
        ManifestEntry accounts = shard.tables().get("accounts");
        assertThat(accounts.descriptions())
                .containsExactly(Map.entry("db", "Customer accounts, one row per signed-up company"));
        assertThat(accounts.columns().get(5).descriptions())
                .containsExactly(
                        Map.entry("db", "When the account first completed onboarding; null while not activated"));
        assertThat(accounts.columns().get(0).descriptions()).isEmpty();
        assertThat(accounts.usage()).isNull();
    }

    @Test
    void multiColumnForeignKeysJoinOnEveryPair() throws SQLException {
        ManifestShard shard = shards(introspect(List.of("multi"), List.of())).get("multi");

        assertThat(shard.tables().get("revenue").joins())
                .extracting(Join::on)
                .containsExactly("revenue.year = periods.year AND revenue.month = periods.month");
    }

    @Test
    void schemasAndEnabledTablesNarrowTheScan() throws SQLException {
        assertThat(introspect(List.of("staging"), List.of()).tables())
                .extracting(CatalogTable::qualifiedName)
                .containsExactly("staging.raw_signups");
        assertThat(introspect(List.of(), List.of("staging.raw_signups", "public.accounts"))
                        .tables())
                .extracting(CatalogTable::qualifiedName)
                .containsExactly("public.accounts", "staging.raw_signups");
        // enabled_tables only picks within the scanned schemas
        assertThat(introspect(List.of("public"), List.of("staging.raw_signups")).tables())
                .isEmpty();
        assertThat(introspect(List.of("pg_catalog", "information_schema"), List.of())
                        .tables())
                .isEmpty();
    }

    @Test
    void joinsToTablesOutsideTheScanAreLeftOut() throws SQLException {
        DatabaseCatalog catalog = introspect(List.of(), List.of("public.accounts"));

        assertThat(catalog.tables().get(0).foreignKeys())
                .extracting(ForeignKey::referencedTable)
                .containsExactly("plans");
        assertThat(shards(catalog).get("public").tables().get("accounts").joins())
                .isEmpty();
    }

    @Test
    void catalogJsonIsStableIndentedJsonWithLineFeeds() throws SQLException {
        DatabaseCatalog catalog = introspect(List.of(), List.of("staging.raw_signups"));

        String json = new String(CatalogJson.write(catalog), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("""
                {
                  "database" : "%s",
                  "tables" : [
                    {
                      "schema" : "staging",
                      "name" : "raw_signups",
                      "kind" : "table",
                      "rowEstimate" : 0,
                      "columns" : [
                        {
                          "name" : "id",
                          "type" : "integer",
                          "nullable" : false,
                          "primaryKey" : true
                        },
                        {
                          "name" : "email",
                          "type" : "character varying(200)",
                          "nullable" : true,
                          "primaryKey" : false
                        },
                        {
                          "name" : "payload",
                          "type" : "text[]",
                          "nullable" : true,
                          "primaryKey" : false
                        }
                      ],
                      "foreignKeys" : [ ]
                    }
                  ]
                }
                """.formatted(warehouse.endpoint().database()));
        assertThat(CatalogJson.write(introspect(List.of(), List.of("staging.raw_signups"))))
                .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    private static DatabaseCatalog introspect(List<String> schemas, List<String> enabledTables) throws SQLException {
        try (Connection jdbc = warehouse.connect()) {
            return PostgresIntrospector.introspect(
                    jdbc, warehouse.connection(schemas, enabledTables, QueryHistorySettings.DEFAULTS));
        }
    }

    private static SortedMap<String, ManifestShard> shards(DatabaseCatalog catalog) {
        return ManifestShards.of(catalog, new TreeMap<>());
    }

    private static CatalogTable table(DatabaseCatalog catalog, String qualifiedName) {
        return catalog.tables().stream()
                .filter(t -> t.qualifiedName().equals(qualifiedName))
                .findFirst()
                .orElseThrow();
    }
}
