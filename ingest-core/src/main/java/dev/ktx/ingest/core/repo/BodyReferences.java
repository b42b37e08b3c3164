package dev.ktx.ingest.core.repo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The references in a wiki page body, each list distinct and in order of appearance: wiki links
 * ({@code [[key]]}, {@code [[key|label]]}), semantic-layer sources ({@code `source:NAME`},
 * {@code `conn/source:NAME`}; {@link SlRef#entity()} is always {@code null}) and raw tables
 * ({@code `table:schema.table`}, kept as written).
 */
public record BodyReferences(List<String> links, List<SlRef> sources, List<String> tables) {

    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\[\\]|]+?)(?:\\|[^\\[\\]]*)?]]");
    private static final Pattern SOURCE = Pattern.compile("`(?:([^`/\\s]+)/)?source:([^`/\\s]+)`");
    private static final Pattern TABLE = Pattern.compile("`table:([^`\\s]+)`");

    public BodyReferences {
        links = List.copyOf(links);
        sources = List.copyOf(sources);
        tables = List.copyOf(tables);
    }

    public static BodyReferences of(String body) {
        Set<String> links = new LinkedHashSet<>();
        for (Matcher m = LINK.matcher(body); m.find(); ) {
            links.add(m.group(1).strip());
        }
        Set<SlRef> sources = new LinkedHashSet<>();
        for (Matcher m = SOURCE.matcher(body); m.find(); ) {
            sources.add(new SlRef(m.group(1), m.group(2), null));
        }
        Set<String> tables = new LinkedHashSet<>();
        for (Matcher m = TABLE.matcher(body); m.find(); ) {
            tables.add(m.group(1));
        }
        return new BodyReferences(List.copyOf(links), List.copyOf(sources), List.copyOf(tables));
    }
}
