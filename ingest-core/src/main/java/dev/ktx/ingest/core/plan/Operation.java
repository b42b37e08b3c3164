package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.ktx.ingest.core.config.Driver;
import java.util.List;

/** What a target does, decided by its driver's kind; each operation has a fixed list of steps. */
public enum Operation {
    DATABASE_INGEST("database-ingest", List.of(Step.DATABASE_SCHEMA, Step.QUERY_HISTORY)),
    SOURCE_INGEST("source-ingest", List.of(Step.SOURCE_INGEST));

    private final String wireName;
    private final List<Step> steps;

    Operation(String wireName, List<Step> steps) {
        this.wireName = wireName;
        this.steps = steps;
    }

    public static Operation of(Driver.Kind kind) {
        return kind == Driver.Kind.DATABASE ? DATABASE_INGEST : SOURCE_INGEST;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public List<Step> steps() {
        return steps;
    }
}
