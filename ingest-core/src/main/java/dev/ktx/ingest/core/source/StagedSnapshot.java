package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.SyncId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A raw snapshot staged at {@code raw-sources/<conn>/<sourceKey>/<syncId>/}: the files work units read, with the
 * SHA-256 that provenance rows record.
 */
public record StagedSnapshot(
        String connectionId, String sourceKey, SyncId syncId, SortedMap<String, byte[]> files, boolean authoritative) {

    public StagedSnapshot {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** {@code raw-sources/<conn>/<sourceKey>/<syncId>} */
    public String rawRoot() {
        return RepoPaths.rawSnapshotDir(connectionId, sourceKey, syncId.toString());
    }

    public Optional<String> text(String rawPath) {
        return Optional.ofNullable(files.get(rawPath)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public String sha256(String rawPath) {
        byte[] content = files.get(rawPath);
        if (content == null) {
            throw new IllegalArgumentException("not in this snapshot: " + rawPath);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
