package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.source.RawJson;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** {@code collections/<id>.json}: {@code location} is the path of ancestor ids, e.g. {@code /3/7/}. */
record MetabaseCollection(long id, String name, String location) {

    private static final Pattern LOCATION = Pattern.compile("/(?:[0-9]+/)*");

    static MetabaseCollection parse(RawJson json) {
        String location = json.optionalText("location").orElse("/");
        if (!LOCATION.matcher(location).matches()) {
            throw json.invalid("location", "must be a path of collection ids like /3/7/");
        }
        return new MetabaseCollection(json.id("id"), json.text("name"), location);
    }

    /** Ids of the ancestors, root first. */
    List<Long> ancestorIds() {
        return Arrays.stream(location.split("/"))
                .filter(id -> !id.isEmpty())
                .map(Long::valueOf)
                .toList();
    }
}
