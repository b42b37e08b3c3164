package dev.ktx.ingest.core.gate;

import java.util.List;

/** One family of final-gate checks; returns all its errors, in a deterministic order. */
interface GateRule {

    List<String> check(GateContext context);
}
