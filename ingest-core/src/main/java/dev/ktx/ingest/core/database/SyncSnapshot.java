package dev.ktx.ingest.core.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.SyncId;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a database step records of one sync next to its artifacts: a single raw JSON file
 * {@code raw-sources/<conn>/<sourceKey>/<syncId>/<file>} and {@code provenance/<conn>/<sourceKey>/<syncId>.jsonl}
 * with one row per artifact, each pointing at that file.
 */
final class SyncSnapshot {

    /** An artifact the raw file produced. */
    record Artifact(ProvenanceRow.ArtifactKind kind, String key, ProvenanceRow.Action action) {}

    private static final ObjectWriter WRITER = new ObjectMapper()
            .writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private SyncSnapshot() {}

    /** Indented JSON in the value's field order, LF line ends (not the platform's) and a final newline. */
    static byte[] json(Object value) {
        try {
            return (WRITER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(
            Changeset.Builder changes,
            String connectionId,
            String sourceKey,
            SyncId syncId,
            String fileName,
            byte[] raw,
            List<Artifact> artifacts) {
        String sync = syncId.toString();
        changes.write(RepoPaths.rawSnapshotDir(connectionId, sourceKey, sync) + "/" + fileName, raw);
        String rawSha256 = sha256(raw);
        changes.write(
                RepoPaths.provenance(connectionId, sourceKey, sync),
                ProvenanceCodec.write(artifacts.stream()
                        .map(artifact -> new ProvenanceRow(
                                fileName, rawSha256, artifact.kind(), artifact.key(), artifact.action(), null))
                        .toList()));
    }

    /** Lower-case hex, as provenance rows record it. */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
