package dev.ktx.ingest.planner.run;

import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.planner.state.RunSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Idempotent starts: the first start with a {@link StartKey} reserves its run id
 * ({@code ktx:start:<sha-256 of project, kind and key>}, kept {@code ktx.planner.idempotency-retention}); later
 * starts with the same key, for the same project, get that run id.
 */
@ApplicationScoped
public class RunStarts {

    private final RedissonClient redisson;
    private final RunSettings settings;

    public RunStarts(RedissonClient redisson, RunSettings settings) {
        this.redisson = redisson;
        this.settings = settings;
    }

    /** The run id reserved for this key: {@code runId} if this is the first start with it, else the earlier one's. */
    public String reserve(ProjectRef project, StartKey key, String runId) {
        RBucket<String> reservation = redisson.getBucket(redisKey(project, key), StringCodec.INSTANCE);
        while (!reservation.setIfAbsent(runId, settings.idempotencyRetention())) {
            String earlier = reservation.get();
            if (earlier != null) {
                return earlier;
            }
            // expired between the two calls: try again
        }
        return runId;
    }

    private static String redisKey(ProjectRef project, StartKey key) {
        return "ktx:start:" + sha256(identity(project) + "\n" + key.kind() + "\n" + key.value());
    }

    /**
     * Project identity: the normalized project directory, so two spellings of one path are one project, or the
     * normalized remote URL with its branch.
     */
    public static String identity(ProjectRef project) {
        return project.isRemote()
                ? project.repoUrl() + "#" + project.mainBranch()
                : Path.of(project.projectDir()).toAbsolutePath().normalize().toString();
    }

    /** Hex SHA-256 of the text: keys that hold no path and have a fixed length. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
