package dev.ktx.ingest.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Files of the repository, read from this module's directory (the tests' working directory). */
final class RepoFiles {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private RepoFiles() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML mapping; SnakeYAML resolves anchors, aliases and merge keys ({@code <<}). */
    static Map<String, Object> yaml(String relative) {
        return parseYaml(read(relative));
    }

    static Map<String, Object> parseYaml(String text) {
        return new Yaml(new LoaderOptions()).load(text);
    }
}
