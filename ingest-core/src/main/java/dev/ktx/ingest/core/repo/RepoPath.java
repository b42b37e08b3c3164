package dev.ktx.ingest.core.repo;

/** A path of the context repo layout (docs/context-repository.md), classified by {@link RepoPaths#classify(String)}. */
public sealed interface RepoPath {

    String path();

    /** {@code wiki/global/<key>.md} */
    record WikiPagePath(String key) implements RepoPath {
        public String path() {
            return RepoPaths.wikiPage(key);
        }
    }

    /** {@code semantic-layer/<connection>/_schema/<shard>.yaml}; a shard holds the tables of one schema. */
    record ManifestShardPath(String connection, String shard) implements RepoPath {
        public String path() {
            return RepoPaths.manifestShard(connection, shard);
        }
    }

    /** {@code semantic-layer/<connection>/<name>.yaml}: an overlay or a standalone source. */
    record SlSourcePath(String connection, String name) implements RepoPath {
        public String path() {
            return RepoPaths.slSource(connection, name);
        }
    }

    /** {@code raw-sources/<connection>/<sourceKey>/<syncId>/<relativePath>} */
    record RawFilePath(String connection, String sourceKey, String syncId, String relativePath) implements RepoPath {
        public String path() {
            return RepoPaths.rawSnapshotDir(connection, sourceKey, syncId) + "/" + relativePath;
        }
    }

    /** {@code provenance/<connection>/<sourceKey>/<syncId>.jsonl} */
    record ProvenancePath(String connection, String sourceKey, String syncId) implements RepoPath {
        public String path() {
            return RepoPaths.provenance(connection, sourceKey, syncId);
        }

        /** The raw snapshot whose files this provenance file's {@code rawPath}s are relative to. */
        public String rawSnapshotDir() {
            return RepoPaths.rawSnapshotDir(connection, sourceKey, syncId);
        }
    }
}
