package dev.ktx.ingest.core.repo;

/**
 * A repo artifact (wiki page, manifest shard, SL file, provenance file) whose content does not follow docs/context-repository.md.
 * The message is a single line fit for a gate report.
 */
public class ArtifactFormatException extends IllegalArgumentException {

    public ArtifactFormatException(String message) {
        super(message);
    }
}
