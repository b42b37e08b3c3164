package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.source.RawJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The snapshot layout {@code databases/<id>.json}, {@code collections/<id>.json}, {@code cards/<id>.json}, parsed. */
record MetabaseSnapshot(
        Map<Long, MetabaseDatabase> databases, Map<Long, MetabaseCollection> collections, List<MetabaseCard> cards) {

    private static final Pattern LAYOUT = Pattern.compile("(databases|collections|cards)/([0-9]+)\\.json");

    MetabaseSnapshot {
        databases = Map.copyOf(databases);
        collections = Map.copyOf(collections);
        cards = List.copyOf(cards);
    }

    static boolean inLayout(String path) {
        return LAYOUT.matcher(path).matches();
    }

    /** Cards sorted by id. @throws dev.ktx.ingest.core.input.RawFormatException naming the first bad file */
    static MetabaseSnapshot parse(SortedMap<String, byte[]> files) {
        SortedMap<Long, MetabaseDatabase> databases = new TreeMap<>();
        SortedMap<Long, MetabaseCollection> collections = new TreeMap<>();
        List<MetabaseCard> cards = new ArrayList<>();
        files.forEach((path, content) -> {
            Matcher layout = LAYOUT.matcher(path);
            if (!layout.matches()) {
                return;
            }
            RawJson json = RawJson.parseObject(path, content);
            long fileId = Long.parseLong(layout.group(2));
            if (json.id("id") != fileId) {
                throw json.invalid("id", "does not match the file name");
            }
            switch (layout.group(1)) {
                case "databases" -> databases.put(fileId, MetabaseDatabase.parse(json));
                case "collections" -> collections.put(fileId, MetabaseCollection.parse(json));
                default -> cards.add(MetabaseCard.parse(json));
            }
        });
        cards.sort(Comparator.comparingLong(MetabaseCard::id));
        return new MetabaseSnapshot(databases, collections, cards);
    }

    Optional<MetabaseCard> card(long id) {
        return cards.stream().filter(card -> card.id() == id).findFirst();
    }

    Optional<MetabaseDatabase> database(long id) {
        return Optional.ofNullable(databases.get(id));
    }

    /** "Parent / Child" for a card's collection; Metabase's name for the root collection when there is none. */
    String collectionPath(Optional<Long> collectionId) {
        if (collectionId.isEmpty()) {
            return "Our analytics";
        }
        Function<Long, String> name = id -> Optional.ofNullable(collections.get(id))
                .map(MetabaseCollection::name)
                .orElse("collection " + id);
        List<String> names = new ArrayList<>();
        Optional.ofNullable(collections.get(collectionId.get()))
                .ifPresent(collection -> collection.ancestorIds().forEach(id -> names.add(name.apply(id))));
        names.add(name.apply(collectionId.get()));
        return String.join(" / ", names);
    }
}
