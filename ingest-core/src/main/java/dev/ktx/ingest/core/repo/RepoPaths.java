package dev.ktx.ingest.core.repo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The context repo layout of docs/context-repository.md: path builders, a classifier, and page-key validation. */
public final class RepoPaths {

    public static final String WIKI_DIR = "wiki/global";
    public static final String SEMANTIC_LAYER_DIR = "semantic-layer";
    public static final String RAW_SOURCES_DIR = "raw-sources";
    public static final String PROVENANCE_DIR = "provenance";

    static final String SCHEMA_DIR = "_schema";
    private static final String WIKI_SUFFIX = ".md";
    private static final String YAML_SUFFIX = ".yaml";
    private static final String JSONL_SUFFIX = ".jsonl";
    private static final Pattern PAGE_KEY = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

    private RepoPaths() {}

    public static boolean isValidPageKey(String key) {
        return key != null && PAGE_KEY.matcher(key).matches();
    }

    /** Whether {@code value} can be one path segment (a connection, source, shard or key) without leaving its directory. */
    public static boolean isSafeSegment(String value) {
        return value != null && !value.isEmpty() && !value.contains("/") && !value.equals(".") && !value.equals("..");
    }

    public static String wikiPage(String key) {
        if (!isValidPageKey(key)) {
            throw new IllegalArgumentException("invalid page key: " + key);
        }
        return WIKI_DIR + "/" + key + WIKI_SUFFIX;
    }

    public static String slConnectionDir(String connection) {
        return SEMANTIC_LAYER_DIR + "/" + segment(connection);
    }

    public static String manifestDir(String connection) {
        return slConnectionDir(connection) + "/" + SCHEMA_DIR;
    }

    public static String manifestShard(String connection, String shard) {
        return manifestDir(connection) + "/" + segment(shard) + YAML_SUFFIX;
    }

    public static String slSource(String connection, String name) {
        return slConnectionDir(connection) + "/" + segment(name) + YAML_SUFFIX;
    }

    public static String rawSnapshotDir(String connection, String sourceKey, String syncId) {
        return RAW_SOURCES_DIR + "/" + segment(connection) + "/" + segment(sourceKey) + "/" + segment(syncId);
    }

    public static String provenance(String connection, String sourceKey, String syncId) {
        return PROVENANCE_DIR + "/" + segment(connection) + "/" + segment(sourceKey) + "/" + segment(syncId)
                + JSONL_SUFFIX;
    }

    /**
     * What a repo-relative path is in the layout; empty for any path the layout does not define (including
     * paths with empty, {@code .} or {@code ..} segments, and wiki files whose name is not a valid page key).
     */
    public static Optional<RepoPath> classify(String path) {
        if (path.startsWith("/") || !path.contains("/")) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(path.split("/", -1));
        if (parts.stream().anyMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."))) {
            return Optional.empty();
        }
        return switch (parts.get(0)) {
            case "wiki" -> classifyWiki(parts);
            case SEMANTIC_LAYER_DIR -> classifySemanticLayer(parts);
            case RAW_SOURCES_DIR ->
                parts.size() >= 5
                        ? Optional.of(new RepoPath.RawFilePath(
                                parts.get(1),
                                parts.get(2),
                                parts.get(3),
                                String.join("/", parts.subList(4, parts.size()))))
                        : Optional.empty();
            case PROVENANCE_DIR ->
                parts.size() == 4
                        ? stripSuffix(parts.get(3), JSONL_SUFFIX)
                                .map(syncId -> new RepoPath.ProvenancePath(parts.get(1), parts.get(2), syncId))
                        : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The connection of any path below {@code semantic-layer/<connection>/}. */
    public static Optional<String> slConnectionOf(String path) {
        String[] parts = path.split("/", -1);
        return parts.length >= 3 && parts[0].equals(SEMANTIC_LAYER_DIR) && !parts[1].isEmpty()
                ? Optional.of(parts[1])
                : Optional.empty();
    }

    private static Optional<RepoPath> classifyWiki(List<String> parts) {
        if (parts.size() != 3 || !parts.get(1).equals("global")) {
            return Optional.empty();
        }
        return stripSuffix(parts.get(2), WIKI_SUFFIX)
                .filter(RepoPaths::isValidPageKey)
                .map(RepoPath.WikiPagePath::new);
    }

    private static Optional<RepoPath> classifySemanticLayer(List<String> parts) {
        String connection = parts.get(1);
        if (parts.size() == 3) {
            return stripSuffix(parts.get(2), YAML_SUFFIX).map(name -> new RepoPath.SlSourcePath(connection, name));
        }
        if (parts.size() == 4 && parts.get(2).equals(SCHEMA_DIR)) {
            return stripSuffix(parts.get(3), YAML_SUFFIX)
                    .map(shard -> new RepoPath.ManifestShardPath(connection, shard));
        }
        return Optional.empty();
    }

    private static Optional<String> stripSuffix(String name, String suffix) {
        return name.endsWith(suffix) && name.length() > suffix.length()
                ? Optional.of(name.substring(0, name.length() - suffix.length()))
                : Optional.empty();
    }

    private static String segment(String value) {
        if (!isSafeSegment(value)) {
            throw new IllegalArgumentException("invalid path segment: " + value);
        }
        return value;
    }
}
