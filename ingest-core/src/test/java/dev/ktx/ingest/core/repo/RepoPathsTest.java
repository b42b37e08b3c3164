package dev.ktx.ingest.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoPathsTest {

    @Test
    void buildsEveryLayoutPath() {
        assertThat(RepoPaths.wikiPage("orders-faq")).isEqualTo("wiki/global/orders-faq.md");
        assertThat(RepoPaths.manifestShard("warehouse", "public"))
                .isEqualTo("semantic-layer/warehouse/_schema/public.yaml");
        assertThat(RepoPaths.slSource("warehouse", "orders")).isEqualTo("semantic-layer/warehouse/orders.yaml");
        assertThat(RepoPaths.rawSnapshotDir("mb", "cards", "2026-01-02-030405-j1"))
                .isEqualTo("raw-sources/mb/cards/2026-01-02-030405-j1");
        assertThat(RepoPaths.provenance("mb", "cards", "2026-01-02-030405-j1"))
                .isEqualTo("provenance/mb/cards/2026-01-02-030405-j1.jsonl");
    }

    @Test
    void buildersRejectSegmentsThatWouldLeaveTheLayout() {
        assertThatThrownBy(() -> RepoPaths.slSource("warehouse", "../ktx"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RepoPaths.wikiPage("Orders")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifiesEachArtifactKind() {
        assertThat(RepoPaths.classify("wiki/global/orders-faq.md")).contains(new RepoPath.WikiPagePath("orders-faq"));
        assertThat(RepoPaths.classify("semantic-layer/wh/_schema/public.yaml"))
                .contains(new RepoPath.ManifestShardPath("wh", "public"));
        assertThat(RepoPaths.classify("semantic-layer/wh/orders.yaml"))
                .contains(new RepoPath.SlSourcePath("wh", "orders"));
        assertThat(RepoPaths.classify("raw-sources/mb/cards/s1/cards/1.json"))
                .contains(new RepoPath.RawFilePath("mb", "cards", "s1", "cards/1.json"));
        assertThat(RepoPaths.classify("provenance/mb/cards/s1.jsonl"))
                .contains(new RepoPath.ProvenancePath("mb", "cards", "s1"));
    }

    @Test
    void classifiedPathsRoundTrip() {
        for (String path : new String[] {
            "wiki/global/a.md",
            "semantic-layer/wh/_schema/public.yaml",
            "semantic-layer/wh/orders.yaml",
            "raw-sources/mb/cards/s1/a/b.json",
            "provenance/mb/cards/s1.jsonl"
        }) {
            assertThat(RepoPaths.classify(path).orElseThrow().path()).isEqualTo(path);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ktx.yaml",
                "wiki/global/Bad Key.md",
                "wiki/other/a.md",
                "wiki/global/a.txt",
                "semantic-layer/orders.yaml",
                "semantic-layer/wh/sub/orders.yaml",
                "semantic-layer/wh/orders.yml",
                "raw-sources/mb/cards/s1",
                "provenance/mb/s1.jsonl",
                "wiki/global/../x.md",
                "/wiki/global/a.md",
                "wiki//global/a.md",
                "semantic-layer/wh/.yaml"
            })
    void pathsOutsideTheLayoutAreUnclassified(String path) {
        assertThat(RepoPaths.classify(path)).isEmpty();
    }

    @Test
    void validatesPageKeys() {
        assertThat(RepoPaths.isValidPageKey("a")).isTrue();
        assertThat(RepoPaths.isValidPageKey("0rders_v2-faq")).isTrue();
        assertThat(RepoPaths.isValidPageKey("-orders")).isFalse();
        assertThat(RepoPaths.isValidPageKey("Orders")).isFalse();
        assertThat(RepoPaths.isValidPageKey("orders.faq")).isFalse();
        assertThat(RepoPaths.isValidPageKey("")).isFalse();
    }

    @Test
    void findsTheConnectionOfSemanticLayerPaths() {
        assertThat(RepoPaths.slConnectionOf("semantic-layer/wh/_schema/public.yaml"))
                .contains("wh");
        assertThat(RepoPaths.slConnectionOf("semantic-layer/orders.yaml")).isEmpty();
        assertThat(RepoPaths.slConnectionOf("wiki/global/a.md")).isEmpty();
    }
}
