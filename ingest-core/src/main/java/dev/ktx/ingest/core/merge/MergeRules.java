package dev.ktx.ingest.core.merge;

import java.util.Map;
import java.util.Set;

/**
 * How the lists of one artifact kind merge when both sides changed them, by key path ({@code measures},
 * {@code tags}). A list without a rule is one value: only one side may change it.
 */
record MergeRules(Map<String, ListRule> lists) {

    MergeRules {
        lists = Map.copyOf(lists);
    }

    sealed interface ListRule {}

    /** Order and duplicates carry no meaning: additions and removals of both sides apply; written sorted. */
    record AsSet() implements ListRule {}

    /**
     * Entries are mappings named by {@code field} ({@code name}, {@code to}) and merge entry by entry, written sorted
     * by it. An entry's definition (every field but {@code keyedFields}) is one value; each keyed field (such as
     * {@code descriptions}, keyed by origin) merges as a mapping, so two sources can describe one entry.
     */
    record ByIdentity(String field, Set<String> keyedFields) implements ListRule {

        ByIdentity {
            keyedFields = Set.copyOf(keyedFields);
        }
    }
}
