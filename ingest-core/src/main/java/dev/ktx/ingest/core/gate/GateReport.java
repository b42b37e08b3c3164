package dev.ktx.ingest.core.gate;

import java.util.ArrayList;
import java.util.List;

/** All gate errors of one check, in a stable order. Errors are values here, not exceptions. */
public record GateReport(List<String> errors) {

    public static final String HEADER = "final artifact gates failed:";

    /** Errors another session of the same run may still fix by landing the page or source referred to. */
    private static final List<String> UNRESOLVED_REFERENCE_MARKERS = List.of(
            "wiki references target missing page(s): ",
            ": unknown sl_refs entry ",
            ": unknown sl_refs entity ",
            ": unknown semantic-layer source ",
            ": unknown raw table ");

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

    /** True when every error is a reference to something missing (and there is at least one error). */
    public boolean onlyUnresolvedReferences() {
        return !errors.isEmpty()
                && errors.stream()
                        .allMatch(error -> UNRESOLVED_REFERENCE_MARKERS.stream().anyMatch(error::contains));
    }

    /** {@code final artifact gates failed:} followed by one error per line. */
    public String message() {
        return HEADER + "\n" + String.join("\n", errors);
    }
}
