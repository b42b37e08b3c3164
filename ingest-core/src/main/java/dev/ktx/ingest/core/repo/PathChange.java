package dev.ktx.ingest.core.repo;

import java.util.Objects;

/** One path that differs between two trees; {@code newKind} is {@link EntryKind#MISSING} for deletions. */
public record PathChange(String path, Type type, EntryKind newKind) {

    public enum Type {
        ADDED,
        MODIFIED,
        DELETED
    }

    public PathChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(newKind, "newKind");
    }

    public boolean isDeletion() {
        return type == Type.DELETED;
    }
}
