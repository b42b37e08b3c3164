package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** A step of a target, in the order the CLI table shows them. */
public enum Step {
    DATABASE_SCHEMA("database-schema", "Database schema"),
    QUERY_HISTORY("query-history", "Query history"),
    SOURCE_INGEST("source-ingest", "Source ingest");

    private final String wireName;
    private final String title;

    Step(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The step's column heading in the CLI table. */
    public String title() {
        return title;
    }
}
