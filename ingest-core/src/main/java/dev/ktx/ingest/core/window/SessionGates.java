package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.GateReport;

/** The gates the final window runs on a refreshed session: artifact gates, then the provenance gate. */
@FunctionalInterface
public interface SessionGates {

    GateReport check(GateInput input);
}
