package dev.ktx.ingest.connectors.metabase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktx.ingest.core.source.RawJson;
import java.util.Map;
import java.util.TreeMap;

/** A card's {@code dataset_query}: native SQL, or an MBQL query on a {@code source-table}. */
sealed interface CardQuery {

    /** {@code tagKinds}: each template tag of {@code native.template-tags} → its {@code type} ({@code ""} when absent). */
    record NativeSql(String sql, Map<String, String> tagKinds) implements CardQuery {

        public NativeSql {
            tagKinds = Map.copyOf(tagKinds);
        }
    }

    /** {@code query} is the MBQL object ({@code source-table}, {@code aggregation}, {@code breakout}, ...). */
    record Mbql(JsonNode query) implements CardQuery {}

    static CardQuery parse(RawJson datasetQuery) {
        String type = datasetQuery.text("type");
        return switch (type) {
            case "native" -> nativeSql(datasetQuery.object("native"));
            case "query" -> new Mbql(datasetQuery.object("query").node());
            default -> throw datasetQuery.invalid("type", "must be native or query, got " + type);
        };
    }

    private static NativeSql nativeSql(RawJson query) {
        Map<String, String> kinds = new TreeMap<>();
        query.optionalObject("template-tags")
                .ifPresent(tags -> tags.node()
                        .fields()
                        .forEachRemaining(tag -> kinds.put(
                                tag.getKey(), tag.getValue().path("type").asText(""))));
        return new NativeSql(query.text("query"), kinds);
    }
}
