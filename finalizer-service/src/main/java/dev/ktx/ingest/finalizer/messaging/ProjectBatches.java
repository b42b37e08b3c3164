package dev.ktx.ingest.finalizer.messaging;

import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.finalizer.window.SessionFinalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gathers the finalize requests of one project that this replica has in hand at the same time into one batch, so
 * they share one hold of the project lock (docs/services.md, "finalizer-service"). Each consumer thread queues its request
 * and waits for the project's turn; the thread that gets it finalizes everything queued by then, and a thread whose
 * request was in an earlier batch finds its outcome ready. Each request keeps its own message: its thread
 * publishes its result and acknowledges it, so a crash mid-batch redelivers every request of the batch.
 */
@ApplicationScoped
public class ProjectBatches {

    private final Finalizer finalizer;
    private final ConcurrentMap<ProjectRef, Queue> queues = new ConcurrentHashMap<>();

    @Inject
    public ProjectBatches(SessionFinalizer finalizer) {
        this(finalizer::finalizeRequests);
    }

    ProjectBatches(Finalizer finalizer) {
        this.finalizer = finalizer;
    }

    /** What finalizes one batch: {@link SessionFinalizer#finalizeRequests(List)}. */
    interface Finalizer {
        List<SessionFinalizer.Finalized> finalizeRequests(List<FinalizeRequestMessage> batch)
                throws InterruptedException;
    }

    /** Finalizes the request, with whatever else of its project is ready; a failure of the batch is its failure. */
    public SessionFinalizer.Finalized finalize(FinalizeRequestMessage request) throws InterruptedException {
        Queue queue = queues.computeIfAbsent(request.project(), project -> new Queue());
        Pending mine = queue.add(request);
        queue.turn.lockInterruptibly();
        try {
            // Queued before taking the turn: either an earlier batch decided it, or it is still waiting now.
            if (!mine.outcome.isDone()) {
                finalizeBatch(queue, queue.takeAll(), mine);
            }
        } finally {
            queue.turn.unlock();
        }
        try {
            return mine.outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How many requests of the project wait for a batch right now (a test waits on it before releasing one). */
    int waitingFor(ProjectRef project) {
        Queue queue = queues.get(project);
        return queue == null ? 0 : queue.size();
    }

    private void finalizeBatch(Queue queue, List<Pending> batch, Pending mine) throws InterruptedException {
        try {
            List<SessionFinalizer.Finalized> outcomes = finalizer.finalizeRequests(
                    batch.stream().map(pending -> pending.request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome.complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            // Every request of the batch gets this outcome, so no thread waits for one that never comes.
            batch.forEach(pending -> pending.outcome.completeExceptionally(e));
            if (e instanceof Error error) {
                throw error;
            }
        } catch (InterruptedException e) {
            // The others' threads still wait for an outcome: the next to take the turn finalizes them.
            queue.putBack(batch.stream().filter(pending -> pending != mine).toList());
            throw e;
        }
    }

    private record Pending(FinalizeRequestMessage request, CompletableFuture<SessionFinalizer.Finalized> outcome) {}

    /** The requests of one project waiting for a batch, and the turn: one batch of a project at a time here. */
    private static final class Queue {

        final ReentrantLock turn = new ReentrantLock(true);
        private final Deque<Pending> waiting = new ArrayDeque<>();

        synchronized Pending add(FinalizeRequestMessage request) {
            Pending pending = new Pending(request, new CompletableFuture<>());
            waiting.addLast(pending);
            return pending;
        }

        synchronized int size() {
            return waiting.size();
        }

        synchronized List<Pending> takeAll() {
            List<Pending> batch = new ArrayList<>(waiting);
            waiting.clear();
            return batch;
        }

        synchronized void putBack(List<Pending> batch) {
            for (int i = batch.size() - 1; i >= 0; i--) {
                waiting.addFirst(batch.get(i));
            }
        }
    }
}
