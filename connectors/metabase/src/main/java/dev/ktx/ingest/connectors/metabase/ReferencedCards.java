package dev.ktx.ingest.connectors.metabase;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves card references {@code {{#123}}} against the snapshot: a native card stands for its own expanded SQL, an
 * MBQL card on a table for {@code SELECT * FROM} that table. A card missing from the snapshot, an MBQL card on
 * another card, or a reference cycle cannot be resolved.
 */
final class ReferencedCards implements NativeTemplate.CardSql {

    private final MetabaseSnapshot snapshot;
    private final Set<Long> expanding = new HashSet<>();

    ReferencedCards(MetabaseSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public String of(long cardId) throws NoMainTable {
        MetabaseCard card = snapshot.card(cardId).orElseThrow(() -> new NoMainTable(CardResolution.PARSE_ERROR));
        if (!expanding.add(cardId)) {
            throw new NoMainTable(CardResolution.PARSE_ERROR);
        }
        try {
            if (card.query() instanceof CardQuery.NativeSql sql) {
                return NativeTemplate.expand(sql, this);
            }
            return "SELECT * FROM "
                    + quoted(mbqlTable(card).orElseThrow(() -> new NoMainTable(CardResolution.PARSE_ERROR)));
        } finally {
            expanding.remove(cardId);
        }
    }

    private Optional<TableRef> mbqlTable(MetabaseCard card) {
        long table =
                ((CardQuery.Mbql) card.query()).query().path("source-table").asLong(-1);
        return snapshot.database(card.databaseId())
                .flatMap(db -> db.table(table))
                .map(MetabaseDatabase.Table::ref);
    }

    private static String quoted(TableRef table) {
        String name = quote(table.name());
        return table.schema() == null ? name : quote(table.schema()) + "." + name;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
