package dev.ktx.ingest.core.source;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Derived page keys (docs/context-repository.md#page-keys), shared by the adapters so that other sources can predict them: the slug of a title,
 * and the collision rule that appends an item's own suffix (a Notion page id prefix, a Metabase card id) to every
 * item whose key would collide with another's in the same snapshot.
 */
public final class PageKeys {

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final String UNTITLED = "untitled";

    private PageKeys() {}

    /** Lower case, each run of characters other than {@code a-z0-9} → {@code -}, trimmed; {@code untitled} when nothing is left. */
    public static String slug(String title) {
        String slug =
                NOT_SLUG.matcher(title.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? UNTITLED : slug;
    }

    /** A candidate key and the suffix that tells it apart when it collides. */
    public record Candidate(String key, String suffix) {}

    /**
     * Final keys by item id. Every item sharing its key with another gets {@code <key>-<suffix>}, so the result
     * does not depend on the order in which items are seen.
     */
    public static SortedMap<String, String> assign(Map<String, Candidate> candidatesById) {
        Map<String, Integer> uses = new HashMap<>();
        candidatesById.values().forEach(candidate -> uses.merge(candidate.key(), 1, Integer::sum));
        SortedMap<String, String> keys = new TreeMap<>();
        candidatesById.forEach((id, candidate) -> keys.put(
                id, uses.get(candidate.key()) > 1 ? candidate.key() + "-" + candidate.suffix() : candidate.key()));
        return Collections.unmodifiableSortedMap(keys);
    }
}
