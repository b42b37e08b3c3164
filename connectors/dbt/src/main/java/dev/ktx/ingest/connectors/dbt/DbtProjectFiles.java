package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.input.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the files the adapter uses from a dbt project directory: {@code dbt_project.yml}, {@code models/**} schema
 * files ({@code .yml}, {@code .yaml}) and docs ({@code .md}), and {@code target/manifest.json} when the project was
 * compiled. Keys are project-relative with {@code /}; symbolic links are not followed.
 */
final class DbtProjectFiles {

    private static final String MODELS_DIR = "models";
    private static final List<String> MODEL_SUFFIXES = List.of(".yml", ".yaml", ".md");

    private DbtProjectFiles() {}

    static SortedMap<String, byte[]> read(Path projectDir) throws IOException {
        return read(projectDir, projectDir.toString());
    }

    /** @param location how a missing project is named to the user (a clone's directory means nothing to them) */
    static SortedMap<String, byte[]> read(Path projectDir, String location) throws IOException {
        if (!isFile(projectDir.resolve(DbtDefinitions.PROJECT_FILE))) {
            throw new DbtProjectException(
                    "no dbt project at " + location + ": " + DbtDefinitions.PROJECT_FILE + " is missing");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        add(files, projectDir, projectDir.resolve(DbtDefinitions.PROJECT_FILE));
        Path manifest = projectDir.resolve(ManifestJsonReader.PATH);
        if (isFile(manifest)) {
            add(files, projectDir, manifest);
        }
        Path models = projectDir.resolve(MODELS_DIR);
        if (Files.isDirectory(models, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(models)) {
                for (Path file : walk.filter(DbtProjectFiles::isModelFile).toList()) {
                    add(files, projectDir, file);
                }
            }
        }
        return files;
    }

    private static boolean isModelFile(Path file) {
        String name = file.getFileName().toString();
        return isFile(file) && MODEL_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static boolean isFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static void add(SortedMap<String, byte[]> files, Path projectDir, Path file) throws IOException {
        String relative = projectDir
                .relativize(file)
                .toString()
                .replace(file.getFileSystem().getSeparator(), "/");
        files.put(relative, InputFiles.read(file, relative));
    }
}
