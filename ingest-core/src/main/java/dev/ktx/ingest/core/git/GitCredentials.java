package dev.ktx.ingest.core.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The credentials for a git remote over HTTP: a user and a token (the basic-auth password), the token given as is or
 * as {@code file:<path>} of a file holding it (a mounted secret). Shared by the services ({@code ktx.git.*}) and the
 * CLI ({@code KTX_GIT_USER} / {@code KTX_GIT_TOKEN}); docs/configuration.md.
 */
public final class GitCredentials {

    public static final String USER_VARIABLE = "KTX_GIT_USER";
    public static final String TOKEN_VARIABLE = "KTX_GIT_TOKEN";
    public static final String DEFAULT_USER = "ktx";

    private static final String FILE_PREFIX = "file:";

    private GitCredentials() {}

    /**
     * @param setting how the token is configured, for the error when its file cannot be read
     * @throws UncheckedIOException naming the setting and the file (never the token) when {@code file:} is unreadable
     */
    public static CredentialsProvider of(String setting, String user, String token) {
        String secret = token;
        if (token.startsWith(FILE_PREFIX)) {
            Path file = Path.of(token.substring(FILE_PREFIX.length()));
            try {
                secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(setting + ": cannot read " + file, e);
            }
        }
        return new UsernamePasswordCredentialsProvider(user, secret);
    }

    /** From {@code KTX_GIT_TOKEN} and {@code KTX_GIT_USER} (default {@value #DEFAULT_USER}); empty without a token. */
    public static Optional<CredentialsProvider> fromEnvironment(Map<String, String> environment) {
        String user = Optional.ofNullable(environment.get(USER_VARIABLE))
                .filter(u -> !u.isBlank())
                .orElse(DEFAULT_USER);
        return Optional.ofNullable(environment.get(TOKEN_VARIABLE))
                .filter(t -> !t.isBlank())
                .map(token -> of(TOKEN_VARIABLE, user, token));
    }
}
