package dev.ktx.ingest.core.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * The final artifact gates of docs/ingest-core.md#final-gates-gate, run by the finalizer on a session refreshed from {@code main}. All errors
 * are collected, in this order: paths, SL target connections, delete limit, semantic-layer validation, wiki
 * references. Cost follows the changed paths, not the repo: only written files and what their changes can break are
 * read (deleting a page or changing an SL source reads unchanged pages once, with a substring prefilter).
 * The provenance gate is separate: {@link ProvenanceGate}.
 */
public final class FinalGates {

    public static final int DEFAULT_DELETE_LIMIT_PERCENT = 20;

    private final List<GateRule> rules;

    public FinalGates() {
        this(DEFAULT_DELETE_LIMIT_PERCENT);
    }

    /** @param deleteLimitPercent the largest share (0..100) of wiki/SL files on {@code main} one session may delete */
    public FinalGates(int deleteLimitPercent) {
        if (deleteLimitPercent < 0 || deleteLimitPercent > 100) {
            throw new IllegalArgumentException("delete limit percent must be 0..100: " + deleteLimitPercent);
        }
        rules = List.of(
                new ChangedPathRule(),
                new SlConnectionRule(),
                new DeleteLimitRule(deleteLimitPercent),
                new SemanticLayerRule(),
                new WikiReferenceRule());
    }

    public GateReport check(GateInput input) {
        GateContext context = GateContext.of(input);
        List<String> errors = new ArrayList<>();
        rules.forEach(rule -> errors.addAll(rule.check(context)));
        return new GateReport(errors);
    }
}
