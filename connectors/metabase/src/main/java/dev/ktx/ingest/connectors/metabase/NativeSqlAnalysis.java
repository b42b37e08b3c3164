package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.repo.Aggregation;
import dev.ktx.ingest.core.sql.Identifiers;
import dev.ktx.ingest.core.sql.SqlQuery;
import dev.ktx.ingest.core.sql.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * What a native SQL card reads, found with JSqlParser ({@link SqlQuery}) after its template syntax is expanded
 * ({@link NativeTemplate}, card references resolved): its main table (the only table it reads, else the table of the top-level {@code FROM})
 * and, when evident, its aggregations: {@code count(*)}, {@code count|sum|avg|min|max(col)} and
 * {@code count(DISTINCT col)} in the select list of a single-table query without CTEs or joins.
 */
record NativeSqlAnalysis(TableRef mainTable, List<Aggregate> aggregates) {

    /** @throws NoMainTable with {@link CardResolution#PARSE_ERROR} or {@link CardResolution#UNSUPPORTED_QUERY} */
    static NativeSqlAnalysis of(CardQuery.NativeSql card, NativeTemplate.CardSql referencedCards) throws NoMainTable {
        SqlQuery query;
        try {
            query = SqlQuery.parse(NativeTemplate.expand(card, referencedCards));
        } catch (SqlQuery.NotAQuery e) {
            throw new NoMainTable(e.parsed() ? CardResolution.UNSUPPORTED_QUERY : CardResolution.PARSE_ERROR);
        }
        Select select = query.select();
        List<TableName> tables = query.tables();
        Optional<Table> from = singleTableFrom(select);
        TableRef main;
        if (tables.size() == 1) {
            main = tableRef(tables.get(0));
        } else if (from.isPresent() && select.getWithItemsList() == null) {
            main = tableRef(TableName.of(from.get()));
        } else {
            throw new NoMainTable(CardResolution.UNSUPPORTED_QUERY);
        }
        boolean plainSingleTable = tables.size() == 1
                && from.isPresent()
                && select.getWithItemsList() == null
                && ((PlainSelect) select).getJoins() == null;
        return new NativeSqlAnalysis(main, plainSingleTable ? aggregates((PlainSelect) select) : List.of());
    }

    private static Optional<Table> singleTableFrom(Select select) {
        return select instanceof PlainSelect plain && plain.getFromItem() instanceof Table table
                ? Optional.of(table)
                : Optional.empty();
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
        Aggregation agg = Aggregate.PLAIN_FUNCTIONS.get(function.getName().toLowerCase(Locale.ROOT));
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
        Aggregation distinctAware =
                function.isDistinct() ? (agg == Aggregation.COUNT ? Aggregation.COUNT_DISTINCT : null) : agg;
        return Optional.ofNullable(distinctAware).map(a -> new Aggregate(a, Identifiers.fold(column.getColumnName())));
    }

    private static TableRef tableRef(TableName table) {
        return new TableRef(table.schema(), table.name());
    }
}
