package dev.ktx.ingest.core.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes wiki page files: {@code ---\n<YAML frontmatter>\n---\n\n<markdown>}. Writing is deterministic:
 * fields in the order of {@link Frontmatter}, empty optionals left out, LF, one trailing newline.
 */
public final class WikiPageCodec {

    private static final String DELIMITER = "---";
    private static final Set<String> FIELDS = Set.of(
            "summary", "tags", "refs", "sl_refs", "usage_mode", "source", "tables", "usage", "representative_sql");

    private WikiPageCodec() {}

    /** @throws ArtifactFormatException {@code <key>: invalid frontmatter: <why>} */
    public static WikiPage parse(String key, String text) {
        String content = text.replace("\r\n", "\n");
        if (!content.startsWith(DELIMITER + "\n")) {
            throw invalid(key, "file must start with " + DELIMITER);
        }
        int end = content.indexOf("\n" + DELIMITER + "\n", DELIMITER.length());
        boolean endsAtEof = end < 0 && content.endsWith("\n" + DELIMITER);
        if (end < 0 && !endsAtEof) {
            throw invalid(key, "no closing " + DELIMITER);
        }
        int yamlEnd = endsAtEof ? content.length() - DELIMITER.length() : end + 1;
        String yaml = content.substring(DELIMITER.length() + 1, yamlEnd);
        String body = endsAtEof ? "" : content.substring(end + DELIMITER.length() + 2);
        try {
            return new WikiPage(
                    key, frontmatterFromYaml(Yamls.load(yaml)), body.startsWith("\n") ? body.substring(1) : body);
        } catch (ArtifactFormatException e) {
            throw invalid(key, e.getMessage());
        }
    }

    public static String write(WikiPage page) {
        String header = DELIMITER + "\n" + Yamls.dump(frontmatterToYaml(page.frontmatter())) + DELIMITER + "\n";
        return page.body().isEmpty() ? header : header + "\n" + page.body();
    }

    /** The frontmatter mapping {@link #write} dumps, in field order, empty optionals left out. */
    public static Map<String, Object> frontmatterToYaml(Frontmatter fm) {
        return new YamlTree()
                .put("summary", fm.summary())
                .putOptional("tags", fm.tags())
                .putOptional("refs", fm.refs())
                .putOptional(
                        "sl_refs", fm.slRefs().stream().map(SlRef::toString).toList())
                .putOptional(
                        "usage_mode",
                        fm.usageMode() == null ? null : fm.usageMode().yamlValue())
                .putOptional("source", fm.source())
                .putOptional("tables", fm.tables())
                .putOptional("usage", fm.usage())
                .putOptional("representative_sql", fm.representativeSql())
                .build();
    }

    /**
     * Reads a loaded frontmatter document, e.g. one merged from two versions of a page ({@code null} = empty).
     * @throws ArtifactFormatException with the reason, without the page key
     */
    public static Frontmatter frontmatterFromYaml(Object document) {
        YamlObject fields = YamlObject.root(document == null ? Map.of() : document);
        fields.allowOnly(FIELDS);
        List<SlRef> slRefs = new ArrayList<>();
        for (String ref : fields.strings("sl_refs")) {
            slRefs.add(SlRef.parse(ref).orElseThrow(() -> new ArtifactFormatException("invalid sl_refs entry " + ref)));
        }
        UsageMode usageMode = fields.string("usage_mode")
                .map(mode -> UsageMode.fromYaml(mode)
                        .orElseThrow(
                                () -> new ArtifactFormatException("usage_mode must be one of always, auto, never")))
                .orElse(null);
        return new Frontmatter(
                fields.string("summary").orElse(null),
                fields.strings("tags"),
                fields.strings("refs"),
                slRefs,
                usageMode,
                fields.string("source").orElse(null),
                fields.strings("tables"),
                fields.string("usage").orElse(null),
                fields.string("representative_sql").orElse(null));
    }

    private static ArtifactFormatException invalid(String key, String why) {
        return new ArtifactFormatException(key + ": invalid frontmatter: " + why);
    }
}
