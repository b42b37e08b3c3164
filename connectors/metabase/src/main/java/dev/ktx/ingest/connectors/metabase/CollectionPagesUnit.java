package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.connectors.metabase.CardResolution.Unmapped;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.ProvenanceRow.Action;
import dev.ktx.ingest.core.repo.ProvenanceRow.ArtifactKind;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.UnitOutput;
import dev.ktx.ingest.core.source.WorkUnit;
import java.util.List;

/**
 * The wiki pages of one collection's cards. Archived cards leave a {@code skipped} row; unmapped cards an
 * {@code unmapped} row (with the overlay they did not get) next to their note page.
 */
final class CollectionPagesUnit implements WorkUnit {

    private final String id;
    private final String collectionPath;
    private final List<PlannedCard> cards;
    private final String metabaseConnection;

    CollectionPagesUnit(String id, String collectionPath, List<PlannedCard> cards, String metabaseConnection) {
        this.id = id;
        this.collectionPath = collectionPath;
        this.cards = List.copyOf(cards);
        this.metabaseConnection = metabaseConnection;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public UnitOutput run(StagedSnapshot snapshot, RepoTree base) {
        UnitOutput.Builder output = UnitOutput.builder();
        for (PlannedCard planned : cards) {
            String rawPath = planned.card().file();
            String sha256 = snapshot.sha256(rawPath);
            if (planned.card().archived()) {
                output.provenance(new ProvenanceRow(
                        rawPath, sha256, ArtifactKind.WIKI, planned.pageKey(), Action.SKIPPED, "archived"));
                continue;
            }
            if (planned.resolution() instanceof Unmapped unmapped) {
                output.provenance(new ProvenanceRow(
                        rawPath,
                        sha256,
                        ArtifactKind.SL,
                        missingOverlay(planned, unmapped),
                        Action.UNMAPPED,
                        unmapped.reason()));
            }
            WikiPage page = CardPage.render(planned, collectionPath, metabaseConnection);
            output.write(page.path(), WikiPageCodec.write(page))
                    .provenance(new ProvenanceRow(
                            rawPath, sha256, ArtifactKind.WIKI, page.key(), Action.WIKI_WRITTEN, null));
        }
        return output.build();
    }

    /** {@code <conn>/<table>} of the overlay the card would have had, {@code card-<id>} when resolution got less far. */
    private static String missingOverlay(PlannedCard planned, Unmapped unmapped) {
        return unmapped.connection().isPresent() && unmapped.table().isPresent()
                ? unmapped.connection().get() + "/" + unmapped.table().get().name()
                : "card-" + planned.card().id();
    }
}
