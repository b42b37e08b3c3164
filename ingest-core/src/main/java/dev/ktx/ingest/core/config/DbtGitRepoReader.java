package dev.ktx.ingest.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/** Reads and validates a dbt connection's {@code repo_url}, {@code branch}, {@code path} and {@code token}. */
final class DbtGitRepoReader {

    /** JGit's core transports; ssh would need keys and an extra module, so it is refused up front. */
    private static final Set<String> SCHEMES = Set.of("https", "http", "git", "file");

    private static final Set<String> TOKEN_SCHEMES = Set.of("https", "http");

    private DbtGitRepoReader() {}

    /** @param token the already-parsed {@code token} reference, empty when absent or invalid */
    static Optional<DbtProject.GitRepo> read(YamlMapping body, Optional<SecretRef> token) {
        Optional<URI> repoUrl = body.string("repo_url").flatMap(text -> repoUrl(body, text));
        Optional<String> branch = body.requiredString("branch", "required with repo_url")
                .filter(name -> {
                    boolean valid = Repository.isValidRefName("refs/heads/" + name);
                    if (!valid) {
                        body.invalid("branch", "not a valid git branch name: " + name);
                    }
                    return valid;
                });
        Optional<String> path =
                body.requiredString("path", "required with repo_url").flatMap(text -> projectPath(body, text));
        if (token.isPresent()
                && repoUrl.filter(url -> TOKEN_SCHEMES.contains(url.getScheme()))
                        .isEmpty()) {
            repoUrl.ifPresent(url -> body.invalid("token", "only sent over an http or https repo_url"));
            return Optional.empty();
        }
        return repoUrl.flatMap(url ->
                branch.flatMap(b -> path.map(p -> new DbtProject.GitRepo(url.toString(), b, p, token))));
    }

    /** The message never repeats the URL: it may hold a credential, which must not reach logs. */
    private static Optional<URI> repoUrl(YamlMapping body, String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && SCHEMES.contains(uri.getScheme()) && uri.getPath() != null) {
                if (uri.getRawUserInfo() != null) {
                    body.invalid("repo_url", "must not embed credentials (use token: env:NAME or file:/path)");
                    return Optional.empty();
                }
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below, without the text
        }
        body.invalid(
                "repo_url",
                "expected an https, http, git or file URL (ssh is not supported; use https with" + " token)");
        return Optional.empty();
    }

    /** Relative and inside the clone, so a project can never read the cache's other files or the host's. */
    private static Optional<String> projectPath(YamlMapping body, String text) {
        try {
            Path path = Path.of(text).normalize();
            if (!path.isAbsolute() && !path.startsWith("..")) {
                String normalized = path.toString().replace('\\', '/');
                return Optional.of(normalized.isEmpty() ? "." : normalized);
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        body.invalid("path", "must be a relative path inside the repository (. for its root)");
        return Optional.empty();
    }
}
