package dev.ktx.ingest.core.database;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/** A foreign-key constraint: {@code columns[i]} references {@code referencedColumns[i]} of the referenced table. */
@JsonPropertyOrder({"name", "columns", "referencedSchema", "referencedTable", "referencedColumns"})
public record ForeignKey(
        String name,
        List<String> columns,
        String referencedSchema,
        String referencedTable,
        List<String> referencedColumns) {

    public ForeignKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(referencedSchema, "referencedSchema");
        Objects.requireNonNull(referencedTable, "referencedTable");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException(
                    "foreign key " + name + " must pair each column with a referenced column");
        }
    }

    public String referencedQualifiedName() {
        return referencedSchema + "." + referencedTable;
    }
}
