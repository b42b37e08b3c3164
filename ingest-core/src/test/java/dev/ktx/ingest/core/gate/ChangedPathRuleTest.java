package dev.ktx.ingest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChangedPathRuleTest {

    private final GateFixture fixture = new GateFixture();

    @Test
    void layoutPathsWithTextContentPass() {
        fixture.writePage("new-page", "", "text")
                .session
                .bytes(GateFixture.SNAPSHOT + "/images/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff
                })
                .file(GateFixture.PROVENANCE, "")
                .remove(GateFixture.EVENTS);
        assertThat(fixture.finalGateErrors()).isEmpty();
    }

    @Test
    void pathsOutsideTheArtifactRootsFail() {
        fixture.session.file("ktx.yaml", "connections: {changed: {}}\n").file("docs/readme.md", "x");
        assertThat(fixture.finalGateErrors())
                .containsExactly("path not allowed: docs/readme.md", "path not allowed: ktx.yaml");
    }

    @Test
    void deletingAPathOutsideTheRootsFails() {
        fixture.session.remove("ktx.yaml");
        assertThat(fixture.finalGateErrors()).containsExactly("path not allowed: ktx.yaml");
    }

    @Test
    void dotDotAndAbsolutePathsFail() {
        fixture.session.file("wiki/global/../../ktx.yaml", "x").file("/wiki/global/a.md", "x");
        assertThat(fixture.finalGateErrors())
                .containsExactly("path not allowed: /wiki/global/a.md", "path not allowed: wiki/global/../../ktx.yaml");
    }

    @Test
    void symlinksAndGitlinksFail() {
        fixture.session.symlink("wiki/global/link.md", "../../ktx.yaml").gitlink("raw-sources/mb/cards/s1/sub");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "path not allowed: raw-sources/mb/cards/s1/sub", "path not allowed: wiki/global/link.md");
    }

    @Test
    void nonTextArtifactsFail() {
        fixture.session
                .bytes("semantic-layer/wh/bin.yaml", "a: 1\u0000".getBytes(StandardCharsets.UTF_8))
                .bytes(GateFixture.page("latin1"), new byte[] {'-', '-', '-', '\n', (byte) 0xe9, '\n'})
                .bytes(GateFixture.PROVENANCE, new byte[] {0});
        assertThat(fixture.finalGateErrors())
                .contains(
                        "path not allowed: " + GateFixture.PROVENANCE,
                        "path not allowed: semantic-layer/wh/bin.yaml",
                        "path not allowed: wiki/global/latin1.md");
    }

    @Test
    void wikiFilesMustBeNamedAfterAValidKey() {
        fixture.session
                .file("wiki/global/Orders FAQ.md", GateFixture.page("S", "", ""))
                .file("wiki/team/a.md", GateFixture.page("S", "", ""))
                .file("wiki/global/notes.txt", "x");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "path not allowed: wiki/global/Orders FAQ.md",
                        "path not allowed: wiki/global/notes.txt",
                        "path not allowed: wiki/team/a.md");
    }

    @Test
    void semanticLayerFilesOutsideTheLayoutFail() {
        fixture.session.file("semantic-layer/wh/sub/orders.yaml", "x: 1\n");
        assertThat(fixture.finalGateErrors()).containsExactly("path not allowed: semantic-layer/wh/sub/orders.yaml");
    }
}
