package dev.ktx.ingest.core.sql;

import java.util.LinkedHashSet;
import java.util.List;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * A query (a {@code SELECT}, set operation, {@code VALUES} or {@code TABLE}, with or without {@code WITH}) parsed by
 * JSqlParser, and the tables it reads: every table in {@code FROM}/{@code JOIN} items at any depth (subqueries in
 * {@code FROM}, {@code WHERE} and the select list, {@code LATERAL}, set operations, CTE bodies), each once, in the
 * order first seen. CTE names are not tables where their {@code WITH} is in scope; functions in {@code FROM} are
 * not tables. Writes ({@code INSERT … SELECT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}) and other statements
 * are not queries: they load or change data and say nothing about how it is read.
 */
public record SqlQuery(Select select, List<TableName> tables) {

    public SqlQuery {
        tables = List.copyOf(tables);
    }

    /** Why a text has no {@link SqlQuery}. */
    public static final class NotAQuery extends Exception {

        private final boolean parsed;

        private NotAQuery(String message, boolean parsed) {
            super(message);
            this.parsed = parsed;
        }

        /** {@code false}: JSqlParser cannot read the text; {@code true}: it is a statement other than a query. */
        public boolean parsed() {
            return parsed;
        }
    }

    public static SqlQuery parse(String sql) throws NotAQuery {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            throw new NotAQuery("unparseable SQL: " + e.getMessage(), false);
        }
        if (!(statement instanceof Select select)) {
            throw new NotAQuery("not a query: " + statement.getClass().getSimpleName(), true);
        }
        return new SqlQuery(select, List.copyOf(new LinkedHashSet<>(new TableFinder().tables(select))));
    }
}
