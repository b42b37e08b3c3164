package dev.ktx.ingest.core.gate;

import java.util.ArrayList;
import java.util.List;

/** All gate errors of one check, in a stable order. Errors are values here, not exceptions. */
public record GateReport(List<String> errors) {

    public static final String HEADER = "final artifact gates failed:";

    public GateReport {
        errors = List.copyOf(errors);
    }

    public static GateReport passed() {
        return new GateReport(List.of());
    }

    public boolean isPassed() {
        return errors.isEmpty();
    }

    public GateReport plus(GateReport other) {
        List<String> all = new ArrayList<>(errors);
        all.addAll(other.errors);
        return new GateReport(all);
    }

    /** {@code final artifact gates failed:} followed by one error per line. */
    public String message() {
        return HEADER + "\n" + String.join("\n", errors);
    }
}
