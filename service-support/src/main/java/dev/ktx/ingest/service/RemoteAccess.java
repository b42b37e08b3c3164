package dev.ktx.ingest.service;

import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.GitCredentials;
import dev.ktx.ingest.core.git.GitRemote;
import dev.ktx.ingest.core.git.RemoteContextRepository;
import dev.ktx.ingest.core.git.RepoUrl;
import dev.ktx.ingest.core.messaging.ProjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * The remotes this service may reach ({@code ktx.repos.remotes}) and its credentials for them ({@code ktx.git.*}):
 * the token goes only to a URL under an allowed prefix, so a request naming another host cannot make a service send
 * it there (docs/operations.md, "Context repository: local path or git remote").
 */
@ApplicationScoped
public class RemoteAccess {

    private final List<RepoUrl> allowed;
    private final Optional<CredentialsProvider> credentials;
    private final Duration timeout;
    private final Path cache;

    @Inject
    public RemoteAccess(ReposSettings settings) {
        this(
                settings.repos().remotes().orElse(List.of()).stream()
                        .filter(p -> !p.isBlank())
                        .map(prefix -> RepoUrl.parse("ktx.repos.remotes", prefix))
                        .toList(),
                settings.git()
                        .token()
                        .filter(t -> !t.isBlank())
                        .map(token -> GitCredentials.of(
                                "ktx.git.token", settings.git().user(), token)),
                settings.git().timeout(),
                settings.repos().cache());
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
            throw new IllegalArgumentException(field + ": " + url
                    + (allowed.isEmpty()
                            ? " is a remote, and this service accepts none (ktx.repos.remotes is empty)"
                            : " is not under an allowed remote (ktx.repos.remotes: " + allowed + ")"));
        }
        return url;
    }

    ContextRepository open(ProjectRef project) {
        RepoUrl url = requireAllowed("project.repoUrl", project.repoUrl());
        return RemoteContextRepository.open(new GitRemote(url, credentials, timeout), project.mainBranch(), cache);
    }
}
