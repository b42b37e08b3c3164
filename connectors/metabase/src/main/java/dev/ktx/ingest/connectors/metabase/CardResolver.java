package dev.ktx.ingest.connectors.metabase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktx.ingest.connectors.metabase.CardResolution.Mapped;
import dev.ktx.ingest.connectors.metabase.CardResolution.Unmapped;
import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.ManifestEntry;
import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SlSource;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides where each card lands: its Metabase database → warehouse connection ({@code databaseMappings}), its main
 * table (MBQL {@code source-table}, or parsed from native SQL) → a manifest entry of that connection in the base tree.
 * Anything short of a manifest entry is {@link Unmapped}: no overlay and no {@code sl_refs} (docs/ingest-core.md#final-gates-gate).
 */
final class CardResolver {

    private record Target(TableRef table, List<Aggregate> aggregates) {}

    private final MetabaseSnapshot snapshot;
    private final Map<String, String> databaseMappings;
    private final RepoTree base;
    private final Map<String, ManifestIndex> manifests = new HashMap<>();

    CardResolver(MetabaseSnapshot snapshot, Map<String, String> databaseMappings, RepoTree base) {
        this.snapshot = snapshot;
        this.databaseMappings = databaseMappings;
        this.base = base;
    }

    CardResolution resolve(MetabaseCard card) {
        String connection = databaseMappings.get(Long.toString(card.databaseId()));
        if (connection == null) {
            return new Unmapped(CardResolution.UNMAPPED_DATABASE, Optional.empty(), Optional.empty());
        }
        Target target;
        try {
            target = target(card);
        } catch (NoMainTable e) {
            return new Unmapped(e.reason(), Optional.of(connection), Optional.empty());
        }
        TableRef table = target.table();
        Optional<ManifestEntry> entry = manifests
                .computeIfAbsent(connection, conn -> new ManifestIndex(base, conn))
                .find(table);
        if (entry.isEmpty()) {
            return new Unmapped(CardResolution.MISSING_TARGET_TABLE, Optional.of(connection), Optional.of(table));
        }
        if (!overlayCanMerge(connection, table.name())) {
            return new Unmapped(CardResolution.INVALID_EXISTING_SOURCE, Optional.of(connection), Optional.of(table));
        }
        return new Mapped(
                connection, table.name(), table, measures(target, entry.get().columnNames()));
    }

    private Target target(MetabaseCard card) throws NoMainTable {
        Optional<MetabaseDatabase> database = snapshot.database(card.databaseId());
        if (card.query() instanceof CardQuery.Mbql mbql) {
            JsonNode sourceTable = mbql.query().path("source-table");
            if (!sourceTable.isIntegralNumber()) {
                // Absent, or "card__<id>": a question built on another question.
                throw new NoMainTable(CardResolution.UNSUPPORTED_QUERY);
            }
            MetabaseDatabase.Table table = database.flatMap(db -> db.table(sourceTable.asLong()))
                    .orElseThrow(() -> new NoMainTable(CardResolution.MISSING_TARGET_TABLE));
            return new Target(table.ref(), MbqlAggregates.of(mbql.query(), table));
        }
        NativeSqlAnalysis sql = NativeSqlAnalysis.of((CardQuery.NativeSql) card.query(), new ReferencedCards(snapshot));
        TableRef table = sql.mainTable();
        if (table.schema() == null) {
            // Unqualified: the schema of the one table of that name Metabase knows, if there is exactly one.
            List<MetabaseDatabase.Table> named =
                    database.map(db -> db.tablesNamed(table.name())).orElse(List.of());
            if (named.size() == 1) {
                return new Target(named.get(0).ref(), sql.aggregates());
            }
        }
        return new Target(table, sql.aggregates());
    }

    /** An existing SL file of that name must be a readable overlay for measures to be merged into it. */
    private boolean overlayCanMerge(String connection, String source) {
        Optional<String> existing = base.readText(RepoPaths.slSource(connection, source));
        if (existing.isEmpty()) {
            return true;
        }
        try {
            SlSource parsed = SlSourceCodec.parse(existing.get());
            return !parsed.isStandalone();
        } catch (ArtifactFormatException e) {
            return false;
        }
    }

    /** One measure per distinct aggregation whose column the manifest entry has. */
    private static List<Measure> measures(Target target, Set<String> columns) {
        Map<String, Measure> measures = new LinkedHashMap<>();
        target.aggregates().stream()
                .filter(aggregate -> aggregate.column() == null || columns.contains(aggregate.column()))
                .map(aggregate -> aggregate.toMeasure(target.table().name()))
                .forEach(measure -> measures.putIfAbsent(measure.name(), measure));
        return List.copyOf(measures.values());
    }
}
