package dev.ktx.ingest.connectors.metabase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktx.ingest.core.repo.Aggregation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The aggregations of an MBQL query that are plain measures of its source table: {@code [count]},
 * {@code [count|sum|avg|min|max|distinct, <field>]} (also wrapped in {@code aggregation-options}), where the field is
 * {@code [field, <id>, ...]} or the legacy {@code [field-id, <id>]} of a column of that table. Anything else
 * (expressions, cumulative aggregations, fields of joined tables) is not a measure and is left out.
 */
final class MbqlAggregates {

    private MbqlAggregates() {}

    static List<Aggregate> of(JsonNode query, MetabaseDatabase.Table table) {
        JsonNode clauses = query.path("aggregation");
        // Old cards hold one clause instead of a list of clauses: ["count"].
        List<JsonNode> list = new ArrayList<>();
        if (clauses.isArray() && clauses.size() > 0 && clauses.get(0).isTextual()) {
            list.add(clauses);
        } else {
            clauses.forEach(list::add);
        }
        List<Aggregate> aggregates = new ArrayList<>();
        list.forEach(clause -> aggregate(clause, table).ifPresent(aggregates::add));
        return aggregates;
    }

    private static Optional<Aggregate> aggregate(JsonNode clause, MetabaseDatabase.Table table) {
        if (clause.path(0).asText().equals("aggregation-options")) {
            return aggregate(clause.path(1), table);
        }
        String operator = clause.path(0).asText();
        Aggregation agg =
                operator.equals("distinct") ? Aggregation.COUNT_DISTINCT : Aggregate.PLAIN_FUNCTIONS.get(operator);
        if (agg == null) {
            return Optional.empty();
        }
        if (clause.size() == 1) {
            return agg == Aggregation.COUNT ? Optional.of(new Aggregate(agg, null)) : Optional.empty();
        }
        return fieldName(clause.get(1), table).map(column -> new Aggregate(agg, column));
    }

    private static Optional<String> fieldName(JsonNode ref, MetabaseDatabase.Table table) {
        String kind = ref.path(0).asText();
        JsonNode id = ref.path(1);
        if (!(kind.equals("field") || kind.equals("field-id")) || !id.isIntegralNumber()) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.fieldNames().get(id.asLong()));
    }
}
