package dev.ktx.ingest.core.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * JSqlParser's {@link TablesNamesFinder} walk with PostgreSQL's CTE scoping. The stock finder drops every name that
 * is a CTE, subquery alias or lateral alias anywhere in the statement, compared as written; so
 * {@code WITH recent … FROM Recent} kept a CTE as a table and {@code FROM (SELECT … FROM accounts) accounts} lost a
 * real one. Here a name is a CTE only when unqualified and equal, after identifier folding, to a CTE whose
 * {@code WITH} encloses it: a non-recursive CTE is visible in later CTEs and the main query, a recursive one also in
 * its own body and earlier ones.
 */
final class TableFinder extends TablesNamesFinder<Void> {

    private final List<TableName> found = new ArrayList<>();
    private final Deque<Set<String>> scopes = new ArrayDeque<>();

    List<TableName> tables(Select select) {
        init(false);
        select.accept((SelectVisitor<Void>) this, null);
        return found;
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        inScopeOf(select, context, () -> super.visit(select, context));
        return null;
    }

    @Override
    public <S> Void visit(SetOperationList list, S context) {
        inScopeOf(list, context, () -> super.visit(list, context));
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        inScopeOf(select, context, () -> super.visit(select, context));
        return null;
    }

    /** CTE bodies are walked by {@link #inScopeOf}, in order, so that each sees only the CTEs it may. */
    @Override
    public <S> Void visit(WithItem<?> withItem, S context) {
        return null;
    }

    @Override
    public <S> Void visit(Table table, S context) {
        TableName name = TableName.of(table);
        if (name.schema() != null || scopes.stream().noneMatch(scope -> scope.contains(name.name()))) {
            found.add(name);
        }
        return null;
    }

    private <S> void inScopeOf(Select select, S context, Runnable body) {
        List<WithItem<?>> items = select.getWithItemsList();
        if (items == null || items.isEmpty()) {
            body.run();
            return;
        }
        Set<String> visible = new HashSet<>();
        scopes.push(visible);
        try {
            if (items.stream().anyMatch(WithItem::isRecursive)) {
                items.forEach(item -> visible.add(cteName(item)));
            }
            for (WithItem<?> item : items) {
                item.getSelect().accept((SelectVisitor<Void>) this, context);
                visible.add(cteName(item));
            }
            body.run();
        } finally {
            scopes.pop();
        }
    }

    private static String cteName(WithItem<?> item) {
        return Identifiers.fold(item.getAlias().getName());
    }
}
