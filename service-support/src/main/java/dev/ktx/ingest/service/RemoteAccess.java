package dev.ktx.ingest.service;

import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.GitRemote;
import dev.ktx.ingest.core.git.RemoteContextRepository;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.RepoUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The remotes this service may reach ({@code ktx.repos.remotes}) and its credentials for them ({@code ktx.git.*}):
 * the token goes only to a URL under an allowed prefix, so a request naming another host cannot make a service send
 * it there (docs/operations.md, "Context repository: local path or git remote").
 */
@ApplicationScoped
public class RemoteAccess {

    private static final String FILE_PREFIX = "file:";

    private final List<RepoUrl> allowed;
    private final Optional<CredentialsProvider> credentials;
    private final Duration timeout;
    private final Path cache;

    @Inject
    public RemoteAccess(ReposSettings settings) {
        this(settings.repos().remotes().orElse(List.of()).stream().filter(p -> !p.isBlank())
                        .map(prefix -> RepoUrl.parse("ktx.repos.remotes", prefix)).toList(),
                settings.git().token().filter(t -> !t.isBlank()).map(token -> credentials(settings.git().user(), token)),
                settings.git().timeout(), settings.repos().cache());
    }

    RemoteAccess(List<RepoUrl> allowed, Optional<CredentialsProvider> credentials, Duration timeout, Path cache) {
        this.allowed = List.copyOf(allowed);
        this.credentials = credentials;
        this.timeout = timeout;
        this.cache = cache;
    }

    /** Access that accepts no remote (tests, and tools that serve local paths only). */
    public static RemoteAccess none() {
        return new RemoteAccess(List.of(), Optional.empty(), Duration.ofSeconds(60), Path.of("ktx-repos-cache"));
    }

    /** Where this service keeps its mirrors and the inputs of their commits. */
    public Path cache() {
        return cache;
    }

    /**
     * @param field how the caller names the URL in its error ({@code repoUrl}, {@code data.project.repoUrl})
     * @throws IllegalArgumentException naming the field when the URL is not under an allowed prefix
     */
    public RepoUrl requireAllowed(String field, String repoUrl) {
        RepoUrl url = RepoUrl.parse(field, repoUrl);
        if (allowed.stream().noneMatch(url::startsWith)) {
            throw new IllegalArgumentException(field + ": " + url + (allowed.isEmpty()
                    ? " is a remote, and this service accepts none (ktx.repos.remotes is empty)"
                    : " is not under an allowed remote (ktx.repos.remotes: " + allowed + ")"));
        }
        return url;
    }

    ContextRepository open(ProjectRef project) {
        RepoUrl url = requireAllowed("project.repoUrl", project.repoUrl());
        boolean overHttp = url.uri().getScheme().startsWith("http");
        GitRemote remote = new GitRemote(url, overHttp ? credentials : Optional.empty(), timeout);
        return RemoteContextRepository.open(remote, project.mainBranch(), cache.resolve("mirrors"));
    }

    private static CredentialsProvider credentials(String user, String token) {
        String secret = token;
        if (token.startsWith(FILE_PREFIX)) {
            Path file = Path.of(token.substring(FILE_PREFIX.length()));
            try {
                secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("ktx.git.token: cannot read " + file, e);
            }
        }
        return new UsernamePasswordCredentialsProvider(user, secret);
    }
}
