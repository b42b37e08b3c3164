package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.RedissonClients;
import dev.ktx.ingest.core.lock.RedissonProjectLock;
import dev.ktx.ingest.core.trace.JsonlTraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.redisson.api.RedissonClient;

/**
 * A finalizer in its own JVM for {@link TwoFinalizerProcessesIT}: finalizes the given sessions one after the
 * other under the Redisson lock, with gates slowed down so that overlapping windows could not go unnoticed.
 * Both processes start their windows together: each announces {@code <traceFile>.ready-<pid>} and waits for
 * {@code <traceFile>.go}. Args: repoDir redisUri traceFile gateDelayMs projectId runId/connectionId...
 */
public final class FinalizerProcess {

    public static void main(String[] args) throws Exception {
        Path repoDir = Path.of(args[0]);
        long gateDelayMs = Long.parseLong(args[3]);
        String projectId = args[4];
        SessionGates gates = SessionGates.of(new FinalGates(), new ProvenanceGate());
        SessionGates slowGates = input -> {
            sleep(gateDelayMs);
            return gates.check(input);
        };
        RedissonClient redisson = RedissonClients.create(args[1], Duration.ofSeconds(5));
        int failures = 0;
        try (LocalContextRepository repo = LocalContextRepository.open(repoDir);
                JsonlTraceWriter trace = new JsonlTraceWriter(Path.of(args[2]))) {
            FinalWindow window = new FinalWindow(
                    repo,
                    new RedissonProjectLock(redisson),
                    slowGates,
                    trace,
                    Clock.systemUTC(),
                    new FinalWindowSettings(Duration.ofMinutes(1), 5));
            awaitStartSignal(Path.of(args[2]));
            for (int i = 5; i < args.length; i++) {
                String[] parts = args[i].split("/");
                SessionId session = new SessionId(parts[0], parts[1]);
                FinalizeOutcome outcome = window.finalizeSession(
                        new FinalizeRequest(projectId, session, Set.of(), "ktx: ingest " + session, Set.of()));
                System.out.println(session + " " + outcome.status()
                        + outcome.failure().map(f -> " " + f.error()).orElse(""));
                if (!outcome.landed()) {
                    failures++;
                }
            }
        } finally {
            redisson.shutdown();
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static void awaitStartSignal(Path traceFile) throws Exception {
        Files.createFile(Path.of(traceFile + ".ready-" + ProcessHandle.current().pid()));
        Path go = Path.of(traceFile + ".go");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(go)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no start signal " + go);
            }
            Thread.sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
