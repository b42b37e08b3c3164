package dev.ktx.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.git.RepoUrl;
import dev.ktx.ingest.core.messaging.ProjectRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteAccessTest {

    @TempDir
    Path cache;

    @Test
    void onlyUrlsUnderAnAllowedPrefixAreOpened() {
        RemoteAccess access = new RemoteAccess(
                List.of(RepoUrl.parse("p", "https://git.example.com/data/")),
                Optional.empty(),
                Duration.ofSeconds(5),
                cache);

        assertThat(access.requireAllowed("repoUrl", "https://git.example.com/data/acme.git"))
                .hasToString("https://git.example.com/data/acme.git");
        assertThatThrownBy(() -> access.requireAllowed("repoUrl", "https://evil.example.com/data/acme.git"))
                .hasMessage("repoUrl: https://evil.example.com/data/acme.git is not under an allowed remote "
                        + "(ktx.repos.remotes: [https://git.example.com/data])");
        assertThatThrownBy(
                        () -> access.open(ProjectRef.remote("acme", "https://git.example.com/data-x/acme.git", null)))
                .hasMessageStartingWith("project.repoUrl: https://git.example.com/data-x/acme.git is not under");
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void withoutPrefixesEveryRemoteIsRefused() {
        assertThatThrownBy(() ->
                        RemoteAccess.none().requireAllowed("data.project.repoUrl", "https://git.example.com/a.git"))
                .hasMessage("data.project.repoUrl: https://git.example.com/a.git is a remote, and this service accepts "
                        + "none (ktx.repos.remotes is empty)");
    }
}
