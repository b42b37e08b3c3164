package dev.ktx.ingest.core.trace;

/** Passes events on and remembers the phase of the last one, which a target's heartbeats report. */
public final class PhaseTrackingSink implements TraceSink {

    private final TraceSink delegate;
    private volatile String lastPhase;

    public PhaseTrackingSink(TraceSink delegate, String initialPhase) {
        this.delegate = delegate;
        this.lastPhase = initialPhase;
    }

    @Override
    public void emit(TraceEvent event) {
        if (event.phase() != null) {
            lastPhase = event.phase();
        }
        delegate.emit(event);
    }

    public String lastPhase() {
        return lastPhase;
    }
}
