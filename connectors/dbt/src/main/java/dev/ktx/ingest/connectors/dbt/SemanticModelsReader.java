package dev.ktx.ingest.connectors.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktx.ingest.core.repo.Join;
import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * MetricFlow's {@code semantic_models} and {@code metrics} of a compiled manifest, as SL additions per model
 * (docs/connectors.md, "dbt"):
 * <ul>
 *   <li>each semantic-model measure → a measure ({@code average} → {@code avg}, {@code sum_boolean} → a sum of
 *       {@code CASE WHEN}; an {@code expr} that is not a plain column → {@code sql});</li>
 *   <li>a {@code simple} metric → a measure named after the metric over its measure; with a filter, the filter
 *       becomes the segment {@code <metric>_filter} and the measure aggregates {@code CASE WHEN <filter> THEN … END};
 *       a metric of the same name as its measure lends the measure its description;</li>
 *   <li>a {@code foreign} entity whose name is another model's primary, unique or natural entity → a
 *       {@code many_to_one} join to that model;</li>
 *   <li>other metric types (ratio, derived, cumulative, conversion) and filters that need MetricFlow's own joins
 *       are listed as unsupported on the model of their first input measure.</li>
 * </ul>
 */
final class SemanticModelsReader {

    static final String JOIN_SOURCE = "dbt";

    private final Map<String, Additions> byModel = new TreeMap<>();
    private final Map<String, SemanticModel> byMeasure = new HashMap<>();

    private SemanticModelsReader() {}

    /**
     * @param relations model node id → the relation it builds
     * @return model node id → what MetricFlow adds to it; models without semantic models are absent
     */
    static Map<String, DbtSemantics> read(JsonNode manifest, Map<String, String> relations, DocReferences docs) {
        SemanticModelsReader reader = new SemanticModelsReader();
        List<SemanticModel> models = new ArrayList<>();
        ManifestJsonReader.fields(manifest.path("semantic_models"))
                .values()
                .forEach(node -> SemanticModel.parse(node, relations, docs).ifPresent(models::add));
        for (SemanticModel model : models) {
            Additions additions = reader.additions(model);
            additions.measures.putAll(model.measures());
            additions.unsupported.addAll(model.unsupported());
            model.measures().keySet().forEach(measure -> reader.byMeasure.putIfAbsent(measure, model));
            additions.joins.addAll(joins(model, models));
        }
        ManifestJsonReader.fields(manifest.path("metrics")).values().forEach(metric -> reader.metric(metric, docs));
        Map<String, DbtSemantics> result = new TreeMap<>();
        reader.byModel.forEach((id, additions) -> result.put(id, additions.semantics()));
        return result;
    }

    private void metric(JsonNode metric, DocReferences docs) {
        String name = metric.path("name").asText();
        String type = metric.path("type").asText();
        JsonNode params = metric.path("type_params");
        String measureName = type.equals("simple")
                ? params.path("measure").path("name").asText()
                : params.path("input_measures").path(0).path("name").asText();
        SemanticModel model = byMeasure.get(measureName);
        if (model == null) {
            return;
        }
        Additions additions = additions(model);
        if (!type.equals("simple")) {
            additions.unsupported.add("metric " + name + ": type " + type);
            return;
        }
        Measure base = model.measures().get(measureName);
        String description = docs.render(metric.path("description").asText(""));
        SortedMap<String, String> descriptions = SemanticModel.descriptions(
                description.isBlank() ? metric.path("label").asText("") : description);
        List<String> filters = new ArrayList<>();
        List.of(metric.path("filter"), params.path("measure").path("filter"))
                .forEach(filter -> filter.path("where_filters")
                        .forEach(where ->
                                filters.add(where.path("where_sql_template").asText())));
        if (filters.isEmpty()) {
            additions.measures.put(
                    name,
                    new Measure(
                            name,
                            base.agg(),
                            base.column(),
                            base.sql(),
                            name.equals(measureName) && descriptions.isEmpty() ? base.descriptions() : descriptions));
            return;
        }
        Optional<SemanticModel.Condition> condition = model.condition(filters);
        if (condition.isEmpty()) {
            additions.unsupported.add("metric " + name + ": filter names another model, time or metric");
            return;
        }
        String value = base.column() != null ? base.column() : base.sql() != null ? base.sql() : "1";
        additions.segments.put(
                name + "_filter",
                new Segment(
                        name + "_filter",
                        condition.get().sql(),
                        condition.get().columns(),
                        SemanticModel.descriptions("The filter of metric " + name + ".")));
        additions.measures.put(
                name,
                new Measure(
                        name,
                        base.agg(),
                        null,
                        "CASE WHEN " + condition.get().sql() + " THEN " + value + " END",
                        descriptions));
    }

    /** Joins from {@code model}'s foreign entities to the models that identify the same entity. */
    private static List<Join> joins(SemanticModel model, List<SemanticModel> models) {
        List<Join> joins = new ArrayList<>();
        model.entities().forEach((name, entity) -> {
            if (entity.identifies()
                    || !SemanticModel.IDENTIFIER.matcher(entity.expr()).matches()) {
                return;
            }
            for (SemanticModel other : models) {
                SemanticModel.Entity key = other.entities().get(name);
                if (key != null
                        && key.identifies()
                        && !other.relation().equals(model.relation())
                        && SemanticModel.IDENTIFIER.matcher(key.expr()).matches()) {
                    joins.add(new Join(
                            other.relation(),
                            model.relation() + "." + entity.expr() + " = " + other.relation() + "." + key.expr(),
                            Join.Relationship.MANY_TO_ONE,
                            JOIN_SOURCE));
                }
            }
        });
        return joins;
    }

    private Additions additions(SemanticModel model) {
        return byModel.computeIfAbsent(model.modelId(), id -> new Additions());
    }

    /** Collected per model; later entries of the same name (a metric over a measure) replace earlier ones. */
    private static final class Additions {
        final Map<String, Measure> measures = new LinkedHashMap<>();
        final Map<String, Segment> segments = new LinkedHashMap<>();
        final List<Join> joins = new ArrayList<>();
        final List<String> unsupported = new ArrayList<>();

        DbtSemantics semantics() {
            return new DbtSemantics(List.copyOf(measures.values()), List.copyOf(segments.values()), joins, unsupported);
        }
    }
}
