package dev.ktx.ingest.core.window;

/** The two moments a session is refreshed from {@code main} (docs/ingest-core.md); the names appear in traces and errors. */
public enum RefreshPhase {
    before_reconciliation,
    before_final_squash
}
