package dev.ktx.ingest.core.repo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of {@code provenance/<conn>/<sourceKey>/<syncId>.jsonl}: which raw file ({@code rawPath}, relative to the
 * sync's raw snapshot directory, with its SHA-256) produced which artifact and how. {@code artifactKey} is the page
 * key for {@code wiki} and {@code <conn>/<source>} for {@code sl}; for {@code skipped}/{@code unmapped} rows it names
 * the artifact that was not written. {@code reason} is optional (e.g. {@code missing_target_table}).
 */
@JsonPropertyOrder({"rawPath", "rawSha256", "artifactKind", "artifactKey", "action", "reason"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvenanceRow(
        String rawPath, String rawSha256, ArtifactKind artifactKind, String artifactKey, Action action, String reason) {

    public static final String MISSING_TARGET_TABLE = "missing_target_table";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ProvenanceRow {
        require(rawPath, "rawPath");
        require(rawSha256, "rawSha256");
        require(artifactKind, "artifactKind");
        require(artifactKey, "artifactKey");
        require(action, "action");
        if (!SHA256.matcher(rawSha256).matches()) {
            throw new ArtifactFormatException("rawSha256 must be 64 lower-case hex digits");
        }
    }

    public enum ArtifactKind {
        WIKI,
        SL;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static ArtifactKind fromWire(String value) {
            return Arrays.stream(values())
                    .filter(kind -> kind.wireValue().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new ArtifactFormatException("unknown artifactKind " + value));
        }
    }

    public enum Action {
        WIKI_WRITTEN,
        SOURCE_CREATED,
        MEASURE_ADDED,
        SKIPPED,
        UNMAPPED;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static Action fromWire(String value) {
            return Arrays.stream(values())
                    .filter(action -> action.wireValue().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new ArtifactFormatException("unknown action " + value));
        }
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new ArtifactFormatException(field + " is required");
        }
    }
}
