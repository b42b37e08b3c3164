package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.GateReport;
import dev.ktx.ingest.core.gate.ProvenanceGate;

/** The gates the final window runs on a refreshed session: artifact gates, then the provenance gate. */
@FunctionalInterface
public interface SessionGates {

    GateReport check(GateInput input);

    /** The product's gates: every error of both, collected into one report. */
    static SessionGates of(FinalGates finalGates, ProvenanceGate provenanceGate) {
        return input -> finalGates.check(input).plus(provenanceGate.check(input));
    }
}
