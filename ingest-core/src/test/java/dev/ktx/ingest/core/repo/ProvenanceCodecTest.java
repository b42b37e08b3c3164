package dev.ktx.ingest.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceCodecTest {

    static final String SHA = "a".repeat(64);

    private static final List<ProvenanceRow> ROWS = List.of(
            new ProvenanceRow(
                    "cards/12.json",
                    SHA,
                    ProvenanceRow.ArtifactKind.SL,
                    "warehouse/orders",
                    ProvenanceRow.Action.MEASURE_ADDED,
                    null),
            new ProvenanceRow(
                    "cards/13.json",
                    SHA,
                    ProvenanceRow.ArtifactKind.WIKI,
                    "metabase-churn",
                    ProvenanceRow.Action.UNMAPPED,
                    ProvenanceRow.MISSING_TARGET_TABLE));

    @Test
    void writesOneRowPerLineInFixedFieldOrder() {
        assertThat(ProvenanceCodec.write(ROWS))
                .isEqualTo(
                        "{\"rawPath\":\"cards/12.json\",\"rawSha256\":\"" + SHA
                                + "\",\"artifactKind\":\"sl\",\"artifactKey\":\"warehouse/orders\",\"action\":\"measure_added\"}\n"
                                + "{\"rawPath\":\"cards/13.json\",\"rawSha256\":\"" + SHA
                                + "\",\"artifactKind\":\"wiki\",\"artifactKey\":\"metabase-churn\",\"action\":\"unmapped\",\"reason\":\"missing_target_table\"}\n");
    }

    @Test
    void roundTrips() {
        String written = ProvenanceCodec.write(ROWS);
        assertThat(ProvenanceCodec.parse(written)).isEqualTo(ROWS);
        assertThat(ProvenanceCodec.parse("\n" + written + "\n")).isEqualTo(ROWS);
    }

    @Test
    void reportsTheLineOfEachProblem() {
        String good = ProvenanceCodec.write(ROWS.subList(0, 1));
        assertInvalid(good + "{\"rawPath\":\"a\"}", "line 2: rawSha256 is required");
        assertInvalid(good.replace("measure_added", "renamed"), "line 1: unknown action renamed");
        assertInvalid(good.replace("\"sl\"", "\"doc\""), "line 1: unknown artifactKind doc");
        assertInvalid(good.replace(SHA, "abc"), "line 1: rawSha256 must be 64 lower-case hex digits");
        assertInvalid(
                good.replace("}", ",\"extra\":1}"),
                "line 1: Unrecognized field \"extra\" (class dev.ktx.ingest.core.repo.ProvenanceRow), not marked as ignorable");
        assertInvalid(
                "not json",
                "line 1: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    private static void assertInvalid(String text, String message) {
        assertThatThrownBy(() -> ProvenanceCodec.parse(text))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessage(message);
    }
}
