package dev.ktx.ingest.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.git.RepoUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectRefTest {

    @ParameterizedTest
    @CsvSource({
        "HTTPS://Git.Example.com/Data/acme.git/, https://git.example.com/Data/acme.git",
        "http://git.example.com:3000/ktx/acme.git, http://git.example.com:3000/ktx/acme.git",
        "file:///srv/git/acme.git, file:///srv/git/acme.git",
    })
    void aRemoteIsNamedByItsNormalisedUrl(String given, String normalised) {
        ProjectRef project = ProjectRef.remote(null, given, null);

        assertThat(project.repoUrl()).isEqualTo(normalised);
        assertThat(project.location()).isEqualTo(normalised);
        assertThat(project.projectId()).isEqualTo("acme");
        assertThat(project.mainBranch()).isEqualTo("main");
        assertThat(project.isRemote()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://ktx:t0ken@git.example.com/acme.git | project.repoUrl: must not embed credentials (services read KTX_GIT_TOKEN)",
                "ssh://git@git.example.com/acme.git | project.repoUrl: the scheme must be file, http or https",
                "https://git.example.com/acme.git?x=1 | project.repoUrl: must not have a query or fragment",
                "https:///acme.git | project.repoUrl: has no host",
                "https://git.example.com/ | project.repoUrl: has no repository path",
            })
    void aBadRemoteIsRefusedNamingTheFieldWithoutEchoingIt(String url, String error) {
        assertThatThrownBy(() -> ProjectRef.remote("acme", url, null))
                .hasMessage(error)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("t0ken"));
    }

    @Test
    void aProjectIsADirectoryOrARemoteNeverBothOrNeither() {
        assertThatThrownBy(() -> new ProjectRef("acme", "/srv/acme", "https://git.example.com/acme.git", null))
                .hasMessage("project: give projectDir or repoUrl, not both");
        assertThatThrownBy(() -> new ProjectRef("acme", null, null, null))
                .hasMessage("project.projectDir or project.repoUrl is required");
        assertThatThrownBy(() -> ProjectRef.remote("acme", "https://git.example.com/acme.git", "bad..branch"))
                .hasMessage("project.branch: not a valid branch name");
    }

    @Test
    void aPrefixMatchesWholePathSegments() {
        RepoUrl prefix = RepoUrl.parse("prefix", "https://git.example.com/data/");

        assertThat(RepoUrl.parse("u", "https://GIT.example.com/data/acme.git").startsWith(prefix))
                .isTrue();
        assertThat(RepoUrl.parse("u", "https://git.example.com/data-other/acme.git")
                        .startsWith(prefix))
                .isFalse();
        assertThat(RepoUrl.parse("u", "https://git.example.com:8443/data/acme.git")
                        .startsWith(prefix))
                .isFalse();
    }

    @Test
    void aLocalProjectKeepsItsWireFormAndARemoteOneRoundTrips() {
        ProjectRef local = new ProjectRef("acme", "/srv/acme");
        ProjectRef remote = ProjectRef.remote("acme", "https://git.example.com/acme.git", "trunk");
        IngestRequestMessage request = IngestRequestMessage.of(local, null, true);

        assertThat(MessageCodec.write(request))
                .contains("\"project\":{\"projectId\":\"acme\",\"projectDir\":\"/srv/acme\"}");
        assertThat(MessageCodec.read(
                                MessageCodec.write(IngestRequestMessage.of(remote, null, true)),
                                IngestRequestMessage.class)
                        .project())
                .isEqualTo(remote);
    }
}
