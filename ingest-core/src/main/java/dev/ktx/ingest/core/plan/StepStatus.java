package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of a step; {@code not-run} when its target never reported (or an earlier step failed). */
public enum StepStatus {
    DONE("done"),
    SKIPPED("skipped"),
    FAILED("failed"),
    NOT_RUN("not-run");

    private final String wireName;

    StepStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
