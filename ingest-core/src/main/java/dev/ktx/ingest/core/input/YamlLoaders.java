package dev.ktx.ingest.core.input;

import org.yaml.snakeyaml.LoaderOptions;

/**
 * The limits every YAML read goes through (ktx.yaml, dbt files, repo artifacts): no duplicate keys, at most
 * {@link #MAX_ALIASES} aliases per document (an alias bomb expands exponentially), {@link #MAX_NESTING} levels,
 * and no more code points than the input file cap allows. SnakeYAML then fails with a clear problem instead of
 * exhausting the heap or the stack.
 */
public final class YamlLoaders {

    public static final int MAX_ALIASES = 50;
    public static final int MAX_NESTING = 64;

    private YamlLoaders() {}

    public static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, InputFiles.maxBytes()));
        return options;
    }
}
