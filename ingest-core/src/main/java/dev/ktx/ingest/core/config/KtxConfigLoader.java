package dev.ktx.ingest.core.config;

import dev.ktx.ingest.core.input.YamlLoaders;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads ktx.yaml (docs/configuration.md) and validates it strictly: unknown keys, unknown drivers, wrong types, out-of-range
 * values and dangling references are all collected into one {@link ConfigException}. Stateless and thread-safe.
 */
public final class KtxConfigLoader {

    public static final String FILE_NAME = "ktx.yaml";

    /** Reads {@code <projectDir>/ktx.yaml}. */
    public KtxConfig load(Path projectDir) {
        Path file = projectDir.resolve(FILE_NAME);
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of("Missing " + file + ": the project directory has no " + FILE_NAME));
        } catch (MalformedInputException e) {
            throw new ConfigException(List.of("Invalid " + file + ": not UTF-8 text"));
        } catch (IOException e) {
            throw new ConfigException(List.of(
                    "Invalid " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        return parse(yaml, projectDir);
    }

    /**
     * Parses ktx.yaml text, e.g. as read from git.
     *
     * @param projectDir what relative paths ({@code source_dir}, {@code snapshot_dir}, {@code file:} secrets) are
     *                   resolved against
     */
    public KtxConfig parse(String yaml, Path projectDir) {
        Object document = readYaml(yaml);
        if (document == null) {
            throw new ConfigException(
                    List.of("Invalid " + FILE_NAME + ": the file is empty (expected connections and ingest)"));
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigException(
                    List.of("Invalid " + FILE_NAME + ": expected a mapping at the top level (connections, ingest)"));
        }
        Problems problems = new Problems();
        YamlMapping root = YamlMapping.root(map, problems);
        SortedMap<String, ConnectionConfig> connections = root.mapping("connections")
                .map(c -> new ConnectionsReader(projectDir, problems).read(c))
                .orElse(new TreeMap<>());
        IngestSettings ingest = root.mapping("ingest")
                .map(i -> ingestSettings(i, connections.keySet()))
                .orElse(IngestSettings.DEFAULTS);
        root.rejectUnknownKeys();
        problems.throwIfAny();
        return new KtxConfig(connections, ingest);
    }

    private static IngestSettings ingestSettings(YamlMapping ingest, Set<String> connectionIds) {
        IngestSettings defaults = IngestSettings.DEFAULTS;
        return new IngestSettings(
                maxConcurrency(ingest, "sources", defaults.sourcesMaxConcurrency()),
                maxConcurrency(ingest, "workUnits", defaults.workUnitsMaxConcurrency()),
                deadline(ingest, "runTimeout", defaults.runTimeout()),
                deadline(ingest, "targetSilenceLimit", defaults.targetSilenceLimit()),
                ingest.duration("debounce", Duration.ZERO, IngestSettings.MAX_DEBOUNCE)
                        .orElse(defaults.debounce()),
                ingest.mappings("triggers")
                        .map(rules -> new TriggersReader(connectionIds).read(rules))
                        .orElse(defaults.triggers()));
    }

    private static Duration deadline(YamlMapping ingest, String key, Duration defaultValue) {
        return ingest.duration(key, IngestSettings.MIN_DEADLINE, IngestSettings.MAX_DEADLINE)
                .orElse(defaultValue);
    }

    private static int maxConcurrency(YamlMapping ingest, String key, int defaultValue) {
        return ingest.mapping(key)
                .flatMap(m ->
                        m.integer("maxConcurrency", IngestSettings.MIN_CONCURRENCY, IngestSettings.MAX_CONCURRENCY))
                .orElse(defaultValue);
    }

    /**
     * Safe loading: plain maps, lists and scalars only, within {@link YamlLoaders}' limits (aliases, nesting, size);
     * duplicate keys are an error, not a silent override.
     */
    private static Object readYaml(String yaml) {
        try {
            return new Yaml(new SafeConstructor(YamlLoaders.options())).load(yaml);
        } catch (MarkedYAMLException e) {
            // only the problem and its position: SnakeYAML's full message quotes the offending line, which may hold a
            // secret
            Mark mark = e.getProblemMark();
            String at =
                    mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            throw new ConfigException(List.of("Invalid " + FILE_NAME + ": " + at + e.getProblem()));
        } catch (YAMLException e) {
            throw new ConfigException(List.of("Invalid " + FILE_NAME + ": " + e.getMessage()));
        }
    }
}
