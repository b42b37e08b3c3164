package dev.ktx.ingest.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A generated warehouse: {@link #SCHEMAS} schemas of {@link #TABLES_PER_SCHEMA} tables with {@link #COLUMNS}
 * columns each (a bigint primary key, a foreign key to the schema's previous table, 19 more columns of mixed
 * types), comments on every table and on a few columns, and {@link #VIEWS_PER_SCHEMA} views per schema.
 */
final class GeneratedWarehouse {

    static final int SCHEMAS = 10;
    static final int TABLES_PER_SCHEMA = 100;
    static final int COLUMNS = 21;
    static final int VIEWS_PER_SCHEMA = 2;
    private static final String[] TYPES = {
        "text", "integer", "numeric(12,2)", "timestamptz", "boolean", "date", "varchar(64)"
    };

    private GeneratedWarehouse() {}

    static void create(String jdbcUrl) throws SQLException {
        try (Connection jdbc = DriverManager.getConnection(jdbcUrl);
                Statement statement = jdbc.createStatement()) {
            for (int s = 0; s < SCHEMAS; s++) {
                statement.execute(schema(s));
            }
        }
    }

    /** One schema's DDL as one script (one round trip). */
    private static String schema(int s) {
        String schema = "sales_" + s;
        StringBuilder sql = new StringBuilder("CREATE SCHEMA " + schema + ";\n");
        for (int t = 0; t < TABLES_PER_SCHEMA; t++) {
            String table = schema + ".t_" + t;
            sql.append("CREATE TABLE ").append(table).append(" (id bigint PRIMARY KEY, parent_id bigint");
            if (t > 0) {
                sql.append(" REFERENCES ")
                        .append(schema)
                        .append(".t_")
                        .append(t - 1)
                        .append(" (id)");
            }
            for (int c = 2; c < COLUMNS; c++) {
                sql.append(", c_").append(c).append(' ').append(TYPES[(t + c) % TYPES.length]);
                if (c % 5 == 0) {
                    sql.append(" NOT NULL");
                }
            }
            sql.append(");\n");
            sql.append("COMMENT ON TABLE ")
                    .append(table)
                    .append(" IS 'Table ")
                    .append(t)
                    .append(" of ")
                    .append(schema)
                    .append("';\n");
            sql.append("COMMENT ON COLUMN ").append(table).append(".c_2 IS 'The second attribute';\n");
        }
        for (int v = 0; v < VIEWS_PER_SCHEMA; v++) {
            sql.append("CREATE VIEW ")
                    .append(schema)
                    .append(".v_")
                    .append(v)
                    .append(" AS SELECT a.id, a.c_2, b.c_3 FROM ")
                    .append(schema)
                    .append(".t_")
                    .append(v + 1)
                    .append(" a JOIN ")
                    .append(schema)
                    .append(".t_")
                    .append(v)
                    .append(" b ON b.id = a.parent_id;\n");
        }
        return sql.toString();
    }
}
