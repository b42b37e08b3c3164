package dev.ktx.ingest.service;

import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import java.time.Instant;

/**
 * A session the finalizer parked: its finalize request (sent again, marked resumed, when a peer of the run reaches a
 * final state) and the {@code main} head its gates missed references on.
 */
public record ParkedSession(FinalizeRequestMessage request, String mainHead, Instant at) {}
