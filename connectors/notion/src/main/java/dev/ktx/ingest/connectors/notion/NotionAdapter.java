package dev.ktx.ingest.connectors.notion;

import dev.ktx.ingest.connectors.http.ApiClient;
import dev.ktx.ingest.connectors.http.ApiClients;
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
 * {@code pages/<id>/blocks.json}) become wiki pages keyed by the slug of their title (docs/connectors.md). One work unit per
 * page. A live fetch ({@link NotionCrawl}) stages the same layout.
 */
public final class NotionAdapter implements SourceAdapter {

    public static final String SOURCE_KEY = "notion";
    /** The API version the block and page shapes of docs/connectors.md come from. */
    static final String NOTION_VERSION = "2022-06-28";

    private final ApiClients clients;

    public NotionAdapter() {
        this(ApiClients.standard());
    }

    public NotionAdapter(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public String sourceKey() {
        return SOURCE_KEY;
    }

    /**
     * {@code snapshot_dir} when configured, else the live API.
     *
     * @throws dev.ktx.ingest.core.input.RawFormatException naming the file when the snapshot has a bad shape
     * @throws dev.ktx.ingest.connectors.http.ApiException   when the live API fails or rejects the token
     */
    @Override
    public RawSnapshot fetch(SourceContext context) throws IOException, InterruptedException {
        NotionConnection connection = context.connectionAs(NotionConnection.class, SOURCE_KEY);
        return SnapshotDirectory.fetchOr(
                connection.snapshotDir(),
                NotionSnapshot::inLayout,
                NotionSnapshot::parse,
                () -> fetchLive(connection, context));
    }

    private RawSnapshot fetchLive(NotionConnection connection, SourceContext context)
            throws IOException, InterruptedException {
        String token = context.liveSecret(connection.authToken(), "auth_token");
        ApiClient api = clients.client(
                connection.id(),
                "Notion",
                connection.apiUrl(),
                Map.of("Authorization", "Bearer " + token, "Notion-Version", NOTION_VERSION));
        return new NotionCrawl(api, connection.maxPagesPerRun().orElse(Integer.MAX_VALUE))
                .fetch(connection.rootPageIds(), connection.crawlMode() == NotionConnection.CrawlMode.SEARCH);
    }

    @Override
    public List<WorkUnit> plan(StagedSnapshot snapshot, SourceContext context, RepoTree base) {
        List<NotionPage> pages = NotionSnapshot.parse(snapshot.files());
        // Removed pages write nothing, so they take no part in key collisions.
        Map<String, PageKeys.Candidate> candidates = new HashMap<>();
        pages.stream()
                .filter(page -> page.removedAs().isEmpty())
                .forEach(page -> candidates.put(
                        page.normalizedId(),
                        new PageKeys.Candidate(
                                PageKeys.slug(page.title()), page.normalizedId().substring(0, 8))));
        SortedMap<String, String> keys = PageKeys.assign(candidates);
        PageLinks links = new PageLinks(keys);
        return pages.stream()
                .<WorkUnit>map(page -> new NotionPageUnit(
                        page,
                        keys.getOrDefault(page.normalizedId(), PageKeys.slug(page.title())),
                        links,
                        context.connectionId()))
                .toList();
    }
}
