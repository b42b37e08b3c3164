package dev.ktx.ingest.connectors.metabase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ktx.ingest.connectors.metabase.CardResolution.Mapped;
import dev.ktx.ingest.connectors.metabase.CardResolution.Unmapped;
import dev.ktx.ingest.core.repo.Frontmatter;
import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.SlRef;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.source.CodeBlocks;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The wiki page of a card: what it answers, where it lives, the semantic-layer source and measures it maps to, and
 * its query. An unmapped card's page is a note without {@code sl_refs} that says why it is not in the semantic layer.
 */
final class CardPage {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, String> UNMAPPED_WHY = Map.of(
            CardResolution.MISSING_TARGET_TABLE, "its table is not in the warehouse schema of the connection",
            CardResolution.UNMAPPED_DATABASE, "its Metabase database has no entry in mappings.databaseMappings",
            CardResolution.PARSE_ERROR, "its query could not be translated",
            CardResolution.UNSUPPORTED_QUERY, "its query has no single main table",
            CardResolution.INVALID_EXISTING_SOURCE, "the semantic-layer file of its table is not an overlay");

    private CardPage() {}

    static WikiPage render(PlannedCard planned, String collectionPath, String metabaseConnection) {
        MetabaseCard card = planned.card();
        StringBuilder body = new StringBuilder("# ").append(card.name()).append("\n\n");
        card.description().ifPresent(description -> body.append(description).append("\n\n"));
        body.append("- Metabase card ")
                .append(card.id())
                .append(" in the collection \"")
                .append(collectionPath)
                .append("\"\n");
        List<SlRef> slRefs = List.of();
        List<String> tables = List.of();
        if (planned.resolution() instanceof Mapped mapped) {
            slRefs = mapped.slRefs();
            tables = List.of(mapped.table().toString());
            body.append("- Table: `")
                    .append(mapped.table())
                    .append("`, semantic-layer source `")
                    .append(new SlRef(mapped.connection(), mapped.source(), null))
                    .append("`\n");
            if (!mapped.measures().isEmpty()) {
                body.append("- Measures: ")
                        .append(mapped.measures().stream()
                                .map(Measure::name)
                                .map(name -> "`" + name + "`")
                                .collect(Collectors.joining(", ")))
                        .append('\n');
            }
        } else if (planned.resolution() instanceof Unmapped unmapped) {
            unmapped.table()
                    .ifPresent(table -> body.append("- Table: `").append(table).append("`\n"));
            body.append("- Not in the semantic layer: ")
                    .append(UNMAPPED_WHY.get(unmapped.reason()))
                    .append(" (")
                    .append(unmapped.reason())
                    .append(")\n");
        }
        body.append("\n## Query\n\n").append(query(card.query())).append('\n');
        String summary =
                card.description().map(text -> text.replaceAll("\\s+", " ")).orElse(card.name());
        return new WikiPage(
                planned.pageKey(),
                new Frontmatter(
                        summary,
                        List.of(MetabaseAdapter.SOURCE_KEY),
                        List.of(),
                        slRefs,
                        null,
                        metabaseConnection,
                        tables,
                        null),
                body.toString());
    }

    private static String query(CardQuery query) {
        if (query instanceof CardQuery.NativeSql sql) {
            // Metabase's optional clauses [[...]] would read as wiki links to the gates; "[ [" keeps them legible.
            return CodeBlocks.fenced(
                    "sql", sql.sql().strip().replace("[[", "[ [").replace("]]", "] ]"));
        }
        try {
            return CodeBlocks.fenced("json", JSON.writeValueAsString(((CardQuery.Mbql) query).query()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serializes", e);
        }
    }
}
