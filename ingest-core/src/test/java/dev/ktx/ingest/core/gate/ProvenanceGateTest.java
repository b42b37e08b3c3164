package dev.ktx.ingest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvenanceGateTest {

    private static final String SHA = "0".repeat(64);

    private final GateFixture fixture = new GateFixture();

    private static String row(String rawPath) {
        return "{\"rawPath\":\"" + rawPath + "\",\"rawSha256\":\"" + SHA
                + "\",\"artifactKind\":\"wiki\",\"artifactKey\":\"customers\",\"action\":\"wiki_written\"}\n";
    }

    @Test
    void rowsNamingFilesOfTheirSnapshotPass() {
        fixture.session.file(GateFixture.PROVENANCE, row("cards/1.json") + row("cards/1.json"));
        assertThat(fixture.provenanceErrors()).isEmpty();
    }

    @Test
    void rowsOutsideTheSnapshotFailOncePerRawPath() {
        fixture.session
                .file("raw-sources/mb/cards/2026-01-01-000000-j0/cards/9.json", "{}")
                .file(
                        GateFixture.PROVENANCE,
                        row("../2026-01-01-000000-j0/cards/9.json")
                                + row("/etc/passwd")
                                + row("cards/missing.json")
                                + row("cards")
                                + row("cards/missing.json"));
        assertThat(fixture.provenanceErrors())
                .containsExactly(
                        "provenance row references raw path outside this snapshot: ../2026-01-01-000000-j0/cards/9.json",
                        "provenance row references raw path outside this snapshot: /etc/passwd",
                        "provenance row references raw path outside this snapshot: cards/missing.json",
                        "provenance row references raw path outside this snapshot: cards");
    }

    @Test
    void unreadableProvenanceFails() {
        fixture.session.file(GateFixture.PROVENANCE, row("cards/1.json") + "{oops\n");
        assertThat(fixture.provenanceErrors())
                .singleElement()
                .asString()
                .startsWith(GateFixture.PROVENANCE + ": invalid provenance: line 2: ");
    }

    @Test
    void onlyWrittenProvenanceFilesAreChecked() {
        fixture.main.file("provenance/mb/cards/old.jsonl", row("cards/gone.json"));
        fixture.session.file("provenance/mb/cards/old.jsonl", row("cards/gone.json"));
        assertThat(fixture.provenanceErrors()).isEmpty();
    }
}
