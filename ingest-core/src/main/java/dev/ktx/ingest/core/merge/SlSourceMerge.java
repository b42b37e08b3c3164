package dev.ktx.ingest.core.merge;

import dev.ktx.ingest.core.repo.SlSource;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SL source files (overlays and standalone sources): key by key, {@code descriptions} keyed by origin at every
 * level, {@code measures}, {@code segments} and {@code columns} by {@code name}, {@code joins} by {@code to},
 * {@code exclude_columns} as a set; {@code column_overrides} is a mapping by column already. Written by
 * {@link SlSourceCodec}.
 */
final class SlSourceMerge {

    private static final Set<String> DESCRIBED = Set.of("descriptions");
    private static final MergeRules RULES = new MergeRules(Map.of(
            "measures", new MergeRules.ByIdentity("name", DESCRIBED),
            "segments", new MergeRules.ByIdentity("name", DESCRIBED),
            "columns", new MergeRules.ByIdentity("name", DESCRIBED),
            "joins", new MergeRules.ByIdentity("to", Set.of()),
            "exclude_columns", new MergeRules.AsSet()));

    private SlSourceMerge() {}

    /** {@code base} is empty when both sides created the file: then it merges against an empty mapping. */
    static FileMerge merge(String path, Optional<byte[]> base, byte[] ours, byte[] theirs) {
        return Versions.mergeReadable(
                path, base, ours, theirs, SlSourceCodec::parse, versions -> merge(path, versions));
    }

    private static FileMerge merge(String path, Versions<SlSource> versions) {
        if (versions.ours().isStandalone() != versions.theirs().isStandalone()) {
            // One name cannot be both an addition to a manifest entry and a source of its own.
            return FileMerge.conflict(path, "an overlay on one side and a standalone source on the other");
        }
        YamlMerge.Result result = YamlMerge.mappings(
                path,
                RULES,
                versions.base().map(SlSourceCodec::toYaml).orElse(Map.of()),
                SlSourceCodec.toYaml(versions.ours()),
                SlSourceCodec.toYaml(versions.theirs()));
        if (!result.conflicts().isEmpty()) {
            return new FileMerge.Conflicted(result.conflicts());
        }
        String merged = SlSourceCodec.write(SlSourceCodec.read(result.merged()));
        return new FileMerge.Merged(merged.getBytes(StandardCharsets.UTF_8));
    }
}
