package dev.ktx.ingest.connectors.postgres;

import dev.ktx.ingest.core.config.PostgresConnection;
import dev.ktx.ingest.core.database.CatalogColumn;
import dev.ktx.ingest.core.database.CatalogTable;
import dev.ktx.ingest.core.database.DatabaseCatalog;
import dev.ktx.ingest.core.database.ForeignKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tables, views, columns, keys and comments from {@code pg_catalog}. Scope: the connection's {@code schemas}
 * (empty = all) and {@code enabled_tables} (empty = all of those schemas); system schemas ({@code pg_catalog},
 * {@code information_schema}, {@code pg_toast*}, {@code pg_temp*}), partitions (their parent is listed) and objects
 * that belong to an extension (e.g. the {@code pg_stat_statements} view) are never included.
 */
public final class PostgresIntrospector {

    private static final String RELATIONS = """
            SELECT c.oid, n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'),
                   CASE WHEN c.relkind <> 'v' AND c.reltuples >= 0 THEN c.reltuples::bigint END
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                              AND d.objid = c.oid AND d.deptype = 'e')
              AND (cardinality(?::text[]) = 0 OR n.nspname = ANY (?::text[]))
              AND (cardinality(?::text[]) = 0 OR n.nspname || '.' || c.relname = ANY (?::text[]))
            """;
    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                   EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = a.attrelid AND p.contype = 'p'
                           AND a.attnum = ANY (p.conkey)),
                   col_description(a.attrelid, a.attnum)
            FROM pg_attribute a
            WHERE a.attrelid = ANY (?::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """;
    // conparentid = 0: a foreign key on a partitioned table is also cloned per partition; keep the parent's only.
    private static final String FOREIGN_KEYS = """
            SELECT k.conrelid, k.conname, rn.nspname, r.relname,
                   ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i)
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.i),
                   ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(attnum, i)
                         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.i)
            FROM pg_constraint k
            JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE k.contype = 'f' AND k.conparentid = 0 AND k.conrelid = ANY (?::oid[])
            """;

    private PostgresIntrospector() {}

    public static DatabaseCatalog introspect(Connection jdbc, PostgresConnection config) throws SQLException {
        Map<Long, TableBuilder> tables = relations(jdbc, config.schemas(), config.enabledTables());
        Array oids = jdbc.createArrayOf("int8", tables.keySet().toArray());
        readColumns(jdbc, oids, tables);
        readForeignKeys(jdbc, oids, tables);
        return new DatabaseCatalog(
                currentDatabase(jdbc),
                tables.values().stream().map(TableBuilder::build).toList());
    }

    private static Map<Long, TableBuilder> relations(Connection jdbc, List<String> schemas, List<String> enabledTables)
            throws SQLException {
        Map<Long, TableBuilder> tables = new LinkedHashMap<>();
        try (PreparedStatement statement = jdbc.prepareStatement(RELATIONS)) {
            Array schemaArray = jdbc.createArrayOf("text", schemas.toArray());
            Array tableArray = jdbc.createArrayOf("text", enabledTables.toArray());
            statement.setArray(1, schemaArray);
            statement.setArray(2, schemaArray);
            statement.setArray(3, tableArray);
            statement.setArray(4, tableArray);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.put(
                            rows.getLong(1),
                            new TableBuilder(
                                    rows.getString(2),
                                    rows.getString(3),
                                    kind(rows.getString(4)),
                                    rows.getString(5),
                                    rows.getObject(6, Long.class)));
                }
            }
        }
        return tables;
    }

    private static void readColumns(Connection jdbc, Array oids, Map<Long, TableBuilder> tables) throws SQLException {
        try (PreparedStatement statement = jdbc.prepareStatement(COLUMNS)) {
            statement.setArray(1, oids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.get(rows.getLong(1))
                            .columns
                            .add(new CatalogColumn(
                                    rows.getString(2),
                                    rows.getString(3),
                                    rows.getBoolean(4),
                                    rows.getBoolean(5),
                                    rows.getString(6)));
                }
            }
        }
    }

    private static void readForeignKeys(Connection jdbc, Array oids, Map<Long, TableBuilder> tables)
            throws SQLException {
        try (PreparedStatement statement = jdbc.prepareStatement(FOREIGN_KEYS)) {
            statement.setArray(1, oids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.get(rows.getLong(1))
                            .foreignKeys
                            .add(new ForeignKey(
                                    rows.getString(2),
                                    Jdbc.strings(rows.getArray(5)),
                                    rows.getString(3),
                                    rows.getString(4),
                                    Jdbc.strings(rows.getArray(6))));
                }
            }
        }
    }

    private static String currentDatabase(Connection jdbc) throws SQLException {
        try (PreparedStatement statement = jdbc.prepareStatement("SELECT current_database()");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static CatalogTable.Kind kind(String relkind) {
        return switch (relkind) {
            case "r" -> CatalogTable.Kind.TABLE;
            case "p" -> CatalogTable.Kind.PARTITIONED_TABLE;
            case "v" -> CatalogTable.Kind.VIEW;
            case "m" -> CatalogTable.Kind.MATERIALIZED_VIEW;
            case "f" -> CatalogTable.Kind.FOREIGN_TABLE;
            default -> throw new IllegalStateException("unexpected relkind " + relkind);
        };
    }

    private static final class TableBuilder {
        private final String schema;
        private final String name;
        private final CatalogTable.Kind kind;
        private final String comment;
        private final Long rowEstimate;
        private final List<CatalogColumn> columns = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();

        TableBuilder(String schema, String name, CatalogTable.Kind kind, String comment, Long rowEstimate) {
            this.schema = schema;
            this.name = name;
            this.kind = kind;
            this.comment = comment;
            this.rowEstimate = rowEstimate;
        }

        CatalogTable build() {
            return new CatalogTable(schema, name, kind, comment, rowEstimate, columns, foreignKeys);
        }
    }
}
