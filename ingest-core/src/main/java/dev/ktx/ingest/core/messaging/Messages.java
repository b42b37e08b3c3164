package dev.ktx.ingest.core.messaging;

/** Field checks shared by the message records; their exceptions name the missing field. */
final class Messages {

    static final int SCHEMA_VERSION = 1;

    private Messages() {}

    static <T> T require(T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static void requireSchemaVersion(int schemaVersion) {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "unsupported schemaVersion " + schemaVersion + " (supported: " + SCHEMA_VERSION + ")");
        }
    }
}
