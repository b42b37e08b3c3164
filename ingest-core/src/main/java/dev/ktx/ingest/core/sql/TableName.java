package dev.ktx.ingest.core.sql;

import java.util.Objects;
import net.sf.jsqlparser.schema.Table;

/**
 * A table name as a query wrote it, folded as PostgreSQL folds identifiers: unquoted parts to lower case, quoted
 * parts as written. A database part ({@code db.schema.table}) is dropped: in PostgreSQL it can only name the
 * current database.
 *
 * @param schema {@code null} when the query did not qualify the name
 */
public record TableName(String schema, String name) {

    public TableName {
        Objects.requireNonNull(name, "name");
    }

    public static TableName of(Table table) {
        return new TableName(
                table.getSchemaName() == null ? null : Identifiers.fold(table.getSchemaName()),
                Identifiers.fold(table.getName()));
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
