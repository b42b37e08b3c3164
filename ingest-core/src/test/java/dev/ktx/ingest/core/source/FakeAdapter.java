package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** A source adapter for tests: fixed raw files, and units given as functions of the snapshot and base. */
final class FakeAdapter implements SourceAdapter {

    static final String SOURCE_KEY = "fake";

    private final SortedMap<String, byte[]> files = new TreeMap<>();
    private final List<WorkUnit> units = new ArrayList<>();
    private String partial;
    private Exception fetchFailure;

    FakeAdapter raw(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    FakeAdapter partial() {
        partial = "a page limit was reached";
        return this;
    }

    /** {@code failure}: an {@link IOException} or a {@link RuntimeException}. */
    FakeAdapter failingFetch(Exception failure) {
        fetchFailure = failure;
        return this;
    }

    FakeAdapter unit(String id, BiFunction<StagedSnapshot, RepoTree, UnitOutput> body) {
        units.add(new WorkUnit() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public UnitOutput run(StagedSnapshot snapshot, RepoTree base) {
                return body.apply(snapshot, base);
            }
        });
        return this;
    }

    /** A unit writing one wiki page {@code key} produced from raw file {@code rawPath}. */
    FakeAdapter page(String unitId, String key, String rawPath) {
        return unit(
                unitId,
                (snapshot, base) -> UnitOutput.builder()
                        .write("wiki/global/" + key + ".md", "---\nsummary: About " + key + "\n---\n\nText.\n")
                        .provenance(row(
                                snapshot,
                                rawPath,
                                ProvenanceRow.ArtifactKind.WIKI,
                                key,
                                ProvenanceRow.Action.WIKI_WRITTEN))
                        .build());
    }

    static ProvenanceRow row(
            StagedSnapshot snapshot,
            String rawPath,
            ProvenanceRow.ArtifactKind kind,
            String key,
            ProvenanceRow.Action action) {
        return new ProvenanceRow(rawPath, snapshot.sha256(rawPath), kind, key, action, null);
    }

    @Override
    public String sourceKey() {
        return SOURCE_KEY;
    }

    @Override
    public RawSnapshot fetch(SourceContext context) throws IOException {
        if (fetchFailure instanceof IOException io) {
            throw io;
        }
        if (fetchFailure != null) {
            throw (RuntimeException) fetchFailure;
        }
        return new RawSnapshot(files, Optional.ofNullable(partial));
    }

    @Override
    public List<WorkUnit> plan(StagedSnapshot snapshot, SourceContext context, RepoTree base) {
        // Reversed, so that tests see the run sort units by id rather than keep the adapter's order.
        List<WorkUnit> planned = new ArrayList<>(units);
        Collections.reverse(planned);
        return planned;
    }
}
