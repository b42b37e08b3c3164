package dev.ktx.ingest.core.source.metabase;

import dev.ktx.ingest.core.repo.Aggregation;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a native SQL card reads, found with JSqlParser: its main table (the only table it reads, else the table of
 * the top-level {@code FROM}) and, when evident, its aggregations: {@code count(*)}, {@code count|sum|avg|min|max(col)}
 * and {@code count(DISTINCT col)} in the select list of a single-table query without CTEs or joins.
 */
record NativeSqlAnalysis(TableRef mainTable, List<Aggregate> aggregates) {

    // Metabase templates: optional clauses [[...]] may be dropped, variables {{...}} stand for a value.
    private static final Pattern OPTIONAL_CLAUSE = Pattern.compile("\\[\\[.*?]]", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
    private static final Map<String, Aggregation> FUNCTIONS = Map.of("count", Aggregation.COUNT,
            "sum", Aggregation.SUM, "avg", Aggregation.AVG, "min", Aggregation.MIN, "max", Aggregation.MAX);

    /** @throws NoMainTable with {@link CardResolution#UNPARSEABLE_SQL} or {@link CardResolution#UNSUPPORTED_QUERY} */
    static NativeSqlAnalysis of(String sql) throws NoMainTable {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(VARIABLE.matcher(OPTIONAL_CLAUSE.matcher(sql).replaceAll(" ")).replaceAll("NULL"));
        } catch (JSQLParserException e) {
            throw new NoMainTable(CardResolution.UNPARSEABLE_SQL);
        }
        if (!(statement instanceof Select select)) {
            throw new NoMainTable(CardResolution.UNSUPPORTED_QUERY);
        }
        Set<String> tables = new TablesNamesFinder<>().getTables(statement);
        Optional<Table> from = singleTableFrom(select);
        TableRef main;
        if (tables.size() == 1) {
            main = tableRef(tables.iterator().next());
        } else if (from.isPresent() && select.getWithItemsList() == null) {
            main = tableRef(from.get().getFullyQualifiedName());
        } else {
            throw new NoMainTable(CardResolution.UNSUPPORTED_QUERY);
        }
        boolean plainSingleTable = tables.size() == 1 && from.isPresent() && select.getWithItemsList() == null
                && ((PlainSelect) select).getJoins() == null;
        return new NativeSqlAnalysis(main, plainSingleTable ? aggregates((PlainSelect) select) : List.of());
    }

    private static Optional<Table> singleTableFrom(Select select) {
        return select instanceof PlainSelect plain && plain.getFromItem() instanceof Table table
                ? Optional.of(table) : Optional.empty();
    }

    private static List<Aggregate> aggregates(PlainSelect select) {
        List<Aggregate> aggregates = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getExpression() instanceof Function function) {
                aggregate(function).ifPresent(aggregates::add);
            }
        }
        return aggregates;
    }

    private static Optional<Aggregate> aggregate(Function function) {
        Aggregation agg = FUNCTIONS.get(function.getName().toLowerCase(Locale.ROOT));
        if (agg == null) {
            return Optional.empty();
        }
        ExpressionList<?> parameters = function.getParameters();
        if (parameters == null || parameters.size() != 1) {
            return Optional.empty();
        }
        if (function.isAllColumns() || parameters.get(0) instanceof AllColumns) {
            return agg == Aggregation.COUNT ? Optional.of(new Aggregate(agg, null)) : Optional.empty();
        }
        if (!(parameters.get(0) instanceof Column column)) {
            return Optional.empty();
        }
        Aggregation distinctAware = function.isDistinct()
                ? (agg == Aggregation.COUNT ? Aggregation.COUNT_DISTINCT : null) : agg;
        return Optional.ofNullable(distinctAware).map(a -> new Aggregate(a, identifier(column.getColumnName())));
    }

    /** {@code schema.table} as written → parts; quoted parts keep their case, unquoted ones fold to lower case. */
    private static TableRef tableRef(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        String name = identifier(parts[parts.length - 1]);
        return new TableRef(parts.length >= 2 ? identifier(parts[parts.length - 2]) : null, name);
    }

    private static String identifier(String part) {
        return part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")
                ? part.substring(1, part.length() - 1) : part.toLowerCase(Locale.ROOT);
    }
}
