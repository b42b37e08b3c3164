package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.source.RawJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code databases/<id>.json}: {@code GET /api/database/<id>?include=tables.fields}. */
record MetabaseDatabase(long id, List<Table> tables) {

    /** A table Metabase knows, with its fields by id (how MBQL refers to columns). */
    record Table(long id, String schema, String name, Map<Long, String> fieldNames) {

        Table {
            fieldNames = Map.copyOf(fieldNames);
        }

        TableRef ref() {
            return new TableRef(schema, name);
        }
    }

    MetabaseDatabase {
        tables = List.copyOf(tables);
    }

    static MetabaseDatabase parse(RawJson json) {
        List<Table> tables = json.objects("tables").stream()
                .map(table -> new Table(
                        table.id("id"),
                        table.optionalText("schema").orElse(null),
                        table.text("name"),
                        table.objects("fields").stream()
                                .collect(Collectors.toMap(field -> field.id("id"), field -> field.text("name")))))
                .toList();
        return new MetabaseDatabase(json.id("id"), tables);
    }

    Optional<Table> table(long tableId) {
        return tables.stream().filter(table -> table.id() == tableId).findFirst();
    }

    /** The tables named {@code name} in any schema. */
    List<Table> tablesNamed(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).toList();
    }
}
