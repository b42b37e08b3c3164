package dev.ktx.ingest.core.source.notion;

import dev.ktx.ingest.core.config.NotionConnection;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.source.PageKeys;
import dev.ktx.ingest.core.source.RawSnapshot;
import dev.ktx.ingest.core.source.SnapshotDirectory;
import dev.ktx.ingest.core.source.SourceAdapter;
import dev.ktx.ingest.core.source.SourceContext;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.WorkUnit;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The {@code notion} source: pages of a snapshot in the Notion API's own JSON ({@code pages/<id>/page.json},
 * {@code pages/<id>/blocks.json}) become wiki pages keyed by the slug of their title (SPEC §3). One work unit per
 * page. Reading the live API is not supported yet.
 */
public final class NotionAdapter implements SourceAdapter {

    public static final String SOURCE_KEY = "notion";

    @Override
    public String sourceKey() {
        return SOURCE_KEY;
    }

    /** @throws dev.ktx.ingest.core.source.RawFormatException naming the file when the snapshot has a bad shape */
    @Override
    public RawSnapshot fetch(SourceContext context) throws IOException {
        NotionConnection connection = connection(context);
        return SnapshotDirectory.fetch(connection.snapshotDir(), "Notion", connection.id(), NotionSnapshot::inLayout, NotionSnapshot::parse);
    }

    @Override
    public List<WorkUnit> plan(StagedSnapshot snapshot, SourceContext context, RepoTree base) {
        List<NotionPage> pages = NotionSnapshot.parse(snapshot.files());
        // Removed pages write nothing, so they take no part in key collisions.
        Map<String, PageKeys.Candidate> candidates = new HashMap<>();
        pages.stream().filter(page -> page.removedAs().isEmpty()).forEach(page -> candidates.put(page.normalizedId(),
                new PageKeys.Candidate(PageKeys.slug(page.title()), page.normalizedId().substring(0, 8))));
        SortedMap<String, String> keys = PageKeys.assign(candidates);
        PageLinks links = new PageLinks(keys);
        return pages.stream().<WorkUnit>map(page -> new NotionPageUnit(page,
                keys.getOrDefault(page.normalizedId(), PageKeys.slug(page.title())), links, context.connectionId()))
                .toList();
    }

    private static NotionConnection connection(SourceContext context) {
        if (context.connection() instanceof NotionConnection notion) {
            return notion;
        }
        throw new IllegalArgumentException("connection " + context.connectionId() + " is not a notion connection");
    }
}
