package dev.ktx.ingest.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to a secret ({@code env:NAME} or {@code file:/path}), resolved only by the worker that needs
 * the value. {@link #toString()} is the reference, so it is safe to log.
 */
public sealed interface SecretRef permits SecretRef.Env, SecretRef.File {

    /** Reads the secret now; fails with a {@link SecretResolutionException} naming the reference. */
    String resolve(SecretResolver resolver);

    /**
     * Parses {@code env:NAME} / {@code file:PATH} (a relative path is relative to {@code projectDir}).
     * Empty when {@code text} is not a reference at all.
     *
     * @throws IllegalArgumentException when it is a reference but malformed; the message never contains
     *                                  {@code text}
     */
    static boolean isReference(String text) {
        return text.startsWith(Env.PREFIX) || text.startsWith(File.PREFIX);
    }

    static Optional<SecretRef> parse(String text, Path projectDir) {
        if (text.startsWith(Env.PREFIX)) {
            return Optional.of(new Env(text.substring(Env.PREFIX.length())));
        }
        if (text.startsWith(File.PREFIX)) {
            String path = text.substring(File.PREFIX.length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("file: reference must name a file");
            }
            return Optional.of(new File(projectDir.resolve(path).normalize()));
        }
        return Optional.empty();
    }

    record Env(String name) implements SecretRef {

        static final String PREFIX = "env:";
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        public Env {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("env: reference must name a variable matching " + NAME);
            }
        }

        @Override
        public String resolve(SecretResolver resolver) {
            String value = resolver.getenv(name);
            if (value == null || value.isBlank()) {
                throw new SecretResolutionException(this, "environment variable " + name + " is not set");
            }
            return value;
        }

        @Override
        public String toString() {
            return PREFIX + name;
        }
    }

    record File(Path path) implements SecretRef {

        static final String PREFIX = "file:";

        public File {
            Objects.requireNonNull(path, "path");
        }

        /** The file's content without surrounding whitespace (files written by {@code echo} end in a newline). */
        @Override
        public String resolve(SecretResolver resolver) {
            String value;
            try {
                value = Files.readString(path).strip();
            } catch (IOException | SecurityException e) {
                throw new SecretResolutionException(
                        this, "cannot read the file (" + e.getClass().getSimpleName() + ")");
            }
            if (value.isEmpty()) {
                throw new SecretResolutionException(this, "the file is empty");
            }
            return value;
        }

        @Override
        public String toString() {
            return PREFIX + path;
        }
    }
}
