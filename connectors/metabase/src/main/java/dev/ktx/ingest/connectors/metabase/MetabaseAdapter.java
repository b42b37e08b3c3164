package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.connectors.http.ApiClient;
import dev.ktx.ingest.connectors.http.ApiClients;
import dev.ktx.ingest.core.config.MetabaseConnection;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.source.PageKeys;
import dev.ktx.ingest.core.source.RawSnapshot;
import dev.ktx.ingest.core.source.SnapshotDirectory;
import dev.ktx.ingest.core.source.SourceAdapter;
import dev.ktx.ingest.core.source.SourceContext;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.WorkUnit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code metabase} source: cards of a snapshot in the Metabase API's own JSON ({@code databases/}, {@code collections/},
 * {@code cards/}) become wiki pages {@code metabase-<slug of the name>} and, when their table is manifest-backed in
 * the mapped warehouse connection, overlay measures. Units: one per collection for the pages, plus
 * {@value OverlayUnit#ID} for all overlays. A live fetch ({@link MetabaseLiveFetch}) stages the same layout.
 */
public final class MetabaseAdapter implements SourceAdapter {

    public static final String SOURCE_KEY = "metabase";
    private static final String KEY_PREFIX = "metabase-";

    private final ApiClients clients;

    public MetabaseAdapter() {
        this(ApiClients.standard());
    }

    public MetabaseAdapter(ApiClients clients) {
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
     * @throws dev.ktx.ingest.connectors.http.ApiException   when the live API fails or rejects the key
     */
    @Override
    public RawSnapshot fetch(SourceContext context) throws IOException, InterruptedException {
        MetabaseConnection connection = context.connectionAs(MetabaseConnection.class, SOURCE_KEY);
        return SnapshotDirectory.fetchOr(
                connection.snapshotDir(),
                MetabaseSnapshot::inLayout,
                MetabaseSnapshot::parse,
                () -> fetchLive(connection, context));
    }

    private RawSnapshot fetchLive(MetabaseConnection connection, SourceContext context)
            throws IOException, InterruptedException {
        String apiKey = context.liveSecret(connection.apiKey(), "api_key");
        ApiClient api = clients.client(connection.id(), "Metabase", connection.apiUrl(), Map.of("x-api-key", apiKey));
        return MetabaseLiveFetch.fetch(api, connection.databaseMappings().keySet());
    }

    @Override
    public List<WorkUnit> plan(StagedSnapshot snapshot, SourceContext context, RepoTree base) {
        MetabaseConnection connection = context.connectionAs(MetabaseConnection.class, SOURCE_KEY);
        MetabaseSnapshot metabase = MetabaseSnapshot.parse(snapshot.files());
        CardResolver resolver = new CardResolver(metabase, connection.databaseMappings(), base);
        SortedMap<String, String> keys = pageKeys(metabase.cards());

        List<PlannedCard> planned = new ArrayList<>();
        SortedMap<String, List<PlannedCard>> byCollection = new TreeMap<>();
        for (MetabaseCard card : metabase.cards()) {
            PlannedCard plannedCard = new PlannedCard(
                    card,
                    keys.getOrDefault(cardId(card), candidateKey(card)),
                    card.archived() ? null : resolver.resolve(card));
            planned.add(plannedCard);
            byCollection
                    .computeIfAbsent(unitId(card.collectionId()), id -> new ArrayList<>())
                    .add(plannedCard);
        }
        List<WorkUnit> units = new ArrayList<>();
        byCollection.forEach((unitId, cards) -> units.add(new CollectionPagesUnit(
                unitId, metabase.collectionPath(cards.get(0).card().collectionId()), cards, connection.id())));
        units.add(new OverlayUnit(planned));
        return units;
    }

    /** Archived cards write no page, so they take no part in key collisions. */
    private static SortedMap<String, String> pageKeys(List<MetabaseCard> cards) {
        Map<String, PageKeys.Candidate> candidates = new HashMap<>();
        cards.stream()
                .filter(card -> !card.archived())
                .forEach(card -> candidates.put(
                        cardId(card), new PageKeys.Candidate(candidateKey(card), Long.toString(card.id()))));
        return PageKeys.assign(candidates);
    }

    private static String candidateKey(MetabaseCard card) {
        return KEY_PREFIX + PageKeys.slug(card.name());
    }

    private static String cardId(MetabaseCard card) {
        return Long.toString(card.id());
    }

    private static String unitId(Optional<Long> collectionId) {
        return "collection-" + collectionId.map(String::valueOf).orElse("root");
    }
}
