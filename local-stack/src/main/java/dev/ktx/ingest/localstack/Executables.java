package dev.ktx.ingest.localstack;

import java.io.File;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Resolves a program up front, so a missing binary fails with its name and how to point at it. */
public final class Executables {

    private Executables() {}

    /**
     * @param program a path, or a bare name looked up on {@code PATH}
     * @param variable the environment variable that overrides the program's location, named in the error
     */
    public static Path require(String program, String variable) throws FileNotFoundException {
        Optional<Path> found = program.contains(File.separator)
                ? Optional.of(Path.of(program)).filter(Files::isExecutable)
                : onPath(program);
        return found.orElseThrow(() -> new FileNotFoundException(program + " not found or not executable"
                + (program.contains(File.separator) ? "" : " on PATH") + " (set " + variable + ")"));
    }

    /** The first executable {@code name} in a directory of {@code PATH}. */
    public static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
