package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.SlRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where a card lands in the semantic layer: on a manifest-backed source, or nowhere (docs/ingest-core.md#final-gates-gate hard stop). */
sealed interface CardResolution {

    String MISSING_TARGET_TABLE = ProvenanceRow.MISSING_TARGET_TABLE;
    /** The card's Metabase database has no entry in {@code mappings.databaseMappings}. */
    String UNMAPPED_DATABASE = "unmapped_database";
    /**
     * The query cannot be translated: native SQL JSqlParser cannot read, a template tag of a kind Metabase does not
     * define, or a card reference ({@code {{#123}}}) to a card the snapshot does not have (or a reference cycle).
     */
    String PARSE_ERROR = "parse_error";
    /** The query has no single main table: not a SELECT, a saved question as source, several tables without one FROM. */
    String UNSUPPORTED_QUERY = "unsupported_query";
    /** An SL file of that name exists but is unreadable or standalone: an overlay cannot be merged into it. */
    String INVALID_EXISTING_SOURCE = "invalid_existing_source";

    /** The card's main table is the manifest entry {@code source} of {@code connection}; {@code measures} may be empty. */
    record Mapped(String connection, String source, TableRef table, List<Measure> measures) implements CardResolution {

        public Mapped {
            measures = List.copyOf(measures);
        }

        /** The source, then each measure, in the {@code conn/source[.entity]} form the gates resolve. */
        List<SlRef> slRefs() {
            List<SlRef> refs = new ArrayList<>();
            refs.add(new SlRef(connection, source, null));
            measures.forEach(measure -> refs.add(new SlRef(connection, source, measure.name())));
            return refs;
        }
    }

    /** {@code connection} and {@code table} are known as far as resolution got. */
    record Unmapped(String reason, Optional<String> connection, Optional<TableRef> table) implements CardResolution {}
}
