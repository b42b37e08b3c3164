package dev.ktx.ingest.localstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Stops a process with everything it started: SIGTERM, then SIGKILL after a grace period, and waits for both. */
public final class ProcessTrees {

    private ProcessTrees() {}

    public static void terminate(ProcessHandle root, Duration grace) {
        // Collect the tree before signalling: children of a dead parent are re-parented and lost from view.
        List<ProcessHandle> tree =
                Stream.concat(root.descendants(), Stream.of(root)).toList();
        tree.forEach(ProcessHandle::destroy);
        if (!allExit(tree, grace)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            // Waited for too, so ports and files are free once this returns.
            allExit(tree, grace);
        }
    }

    private static boolean allExit(List<ProcessHandle> tree, Duration grace) {
        try {
            CompletableFuture.allOf(tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
