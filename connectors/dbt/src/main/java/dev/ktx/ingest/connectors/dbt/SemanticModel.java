package dev.ktx.ingest.connectors.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktx.ingest.core.repo.Aggregation;
import dev.ktx.ingest.core.repo.Measure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One MetricFlow semantic model of a compiled manifest ({@code semantic_models.*}), on the dbt model whose relation
 * it describes: its entities and dimensions by name (each with the SQL it stands for: {@code expr}, else its name)
 * and its measures as SL measures. {@code unsupported} lists measures with no SL aggregation (median, percentile).
 */
record SemanticModel(
        String modelId,
        String relation,
        Map<String, Entity> entities,
        Map<String, String> dimensions,
        Map<String, Measure> measures,
        List<String> unsupported) {

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** MetricFlow's filter templates that name something of one semantic model: its dimensions and entities. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\{\\{\\s*(Dimension|Entity)\\(\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*\\)\\s*}}");

    private static final Map<String, Aggregation> AGGREGATIONS = Map.of(
            "sum",
            Aggregation.SUM,
            "count",
            Aggregation.COUNT,
            "count_distinct",
            Aggregation.COUNT_DISTINCT,
            "average",
            Aggregation.AVG,
            "min",
            Aggregation.MIN,
            "max",
            Aggregation.MAX);

    /** {@code type}: primary, unique, natural or foreign. */
    record Entity(String type, String expr) {

        boolean identifies() {
            return !type.equals("foreign");
        }
    }

    /** A filter rendered to SQL on the model's relation, and the columns it reads (those named plainly). */
    record Condition(String sql, List<String> columns) {}

    /** @param relations model node id → the relation it builds; a semantic model of another node is not ours */
    static Optional<SemanticModel> parse(JsonNode node, Map<String, String> relations, DocReferences docs) {
        String modelId = "";
        for (JsonNode dependency : node.path("depends_on").path("nodes")) {
            modelId = relations.containsKey(dependency.asText()) ? dependency.asText() : modelId;
        }
        if (modelId.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        node.path("entities")
                .forEach(entity -> entities.put(
                        entity.path("name").asText(),
                        new Entity(entity.path("type").asText(), expr(entity))));
        Map<String, String> dimensions = new LinkedHashMap<>();
        node.path("dimensions")
                .forEach(dimension -> dimensions.put(dimension.path("name").asText(), expr(dimension)));
        Map<String, Measure> measures = new LinkedHashMap<>();
        List<String> unsupported = new ArrayList<>();
        node.path("measures")
                .forEach(measure -> measure(measure, docs)
                        .ifPresentOrElse(
                                m -> measures.put(m.name(), m),
                                () -> unsupported.add(
                                        "measure " + measure.path("name").asText() + ": agg "
                                                + measure.path("agg").asText())));
        return Optional.of(
                new SemanticModel(modelId, relations.get(modelId), entities, dimensions, measures, unsupported));
    }

    /**
     * The {@code where_sql_template}s joined by {@code AND}, with every {@code Dimension('entity__name')} and
     * {@code Entity('name')} replaced by its SQL; empty when a filter names anything else (another model's dimension,
     * {@code TimeDimension('metric_time', …)}, a metric), since that needs MetricFlow's joins to mean anything.
     */
    Optional<Condition> condition(List<String> whereTemplates) {
        List<String> parts = new ArrayList<>();
        TreeSet<String> columns = new TreeSet<>();
        for (String template : whereTemplates) {
            Matcher references = REFERENCE.matcher(template);
            StringBuilder sql = new StringBuilder();
            while (references.find()) {
                Optional<String> expr = resolve(references.group(1), references.group(2));
                if (expr.isEmpty()) {
                    return Optional.empty();
                }
                if (IDENTIFIER.matcher(expr.get()).matches()) {
                    columns.add(expr.get());
                }
                references.appendReplacement(sql, Matcher.quoteReplacement(expr.get()));
            }
            references.appendTail(sql);
            if (sql.indexOf("{{") >= 0) {
                return Optional.empty();
            }
            parts.add(sql.toString().strip());
        }
        String sql = parts.size() == 1
                ? parts.get(0)
                : String.join(
                        " AND ", parts.stream().map(part -> "(" + part + ")").toList());
        return Optional.of(new Condition(sql, List.copyOf(columns)));
    }

    private Optional<String> resolve(String kind, String name) {
        if (kind.equals("Entity")) {
            return Optional.ofNullable(entities.get(name)).map(Entity::expr);
        }
        // Dimension('order_id__is_food_order'): the entity before "__" says whose dimension it is; through a foreign
        // entity it belongs to another model, even when this one has a dimension of the same name
        int at = name.lastIndexOf("__");
        Entity via = at < 0 ? null : entities.get(name.substring(0, at));
        if (at >= 0 && (via == null || !via.identifies())) {
            return Optional.empty();
        }
        return Optional.ofNullable(dimensions.get(at < 0 ? name : name.substring(at + 2)));
    }

    /** MetricFlow's {@code expr} defaults to the element's own name, which is then a column. */
    private static String expr(JsonNode element) {
        String expr = element.path("expr").asText("");
        return expr.isBlank() ? element.path("name").asText() : expr.strip();
    }

    private static Optional<Measure> measure(JsonNode measure, DocReferences docs) {
        String name = measure.path("name").asText();
        String agg = measure.path("agg").asText();
        String expr = expr(measure);
        SortedMap<String, String> descriptions =
                descriptions(docs.render(measure.path("description").asText("")));
        if (agg.equals("sum_boolean")) {
            return Optional.of(
                    new Measure(name, Aggregation.SUM, null, "CASE WHEN " + expr + " THEN 1 ELSE 0 END", descriptions));
        }
        return Optional.ofNullable(AGGREGATIONS.get(agg))
                .map(aggregation -> IDENTIFIER.matcher(expr).matches()
                        ? new Measure(name, aggregation, expr, null, descriptions)
                        : new Measure(name, aggregation, null, expr, descriptions));
    }

    static SortedMap<String, String> descriptions(String text) {
        SortedMap<String, String> descriptions = new TreeMap<>();
        if (!text.isBlank()) {
            descriptions.put(ModelOverlaysUnit.ORIGIN, text);
        }
        return descriptions;
    }
}
