package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.RepoPath.ManifestShardPath;
import dev.ktx.ingest.core.repo.RepoPath.SlSourcePath;
import dev.ktx.ingest.core.repo.SlSource;
import dev.ktx.ingest.core.repo.SlSourceValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code semantic-layer validation failed for <conn>:<source>: <why>} for every SL file the session wrote or whose
 * manifest entry it changed, and for malformed manifest shards it wrote ({@code <conn>:_schema/<shard>}).
 */
final class SemanticLayerRule implements GateRule {

    @Override
    public List<String> check(GateContext context) {
        SemanticLayerCatalog session = context.sessionSl();
        List<String> errors = new ArrayList<>();
        for (ManifestShardPath shard : context.changes().changedShards()) {
            session.shard(shard.connection(), shard.shard())
                    .map(Parsed::error)
                    .ifPresent(error -> errors.add(failure(shard.connection(), "_schema/" + shard.shard(), error)));
        }
        TreeSet<SlSourcePath> sources = new TreeSet<>(Comparator.comparing(SlSourcePath::path));
        sources.addAll(context.changes().writtenSources());
        sources.addAll(context.impact().slFilesToRevalidate());
        for (SlSourcePath path : sources) {
            Optional<Parsed<SlSource>> file = session.slSource(path.connection(), path.name());
            if (file.isEmpty()) {
                continue;
            }
            List<String> reasons = file.get()
                    .valid()
                    .map(source -> SlSourceValidator.validate(
                            source,
                            Optional.ofNullable(
                                    session.manifest(path.connection()).get(path.name()))))
                    .orElseGet(() -> List.of(file.get().error()));
            reasons.forEach(reason -> errors.add(failure(path.connection(), path.name(), reason)));
        }
        return errors;
    }

    private static String failure(String connection, String source, String why) {
        return "semantic-layer validation failed for " + connection + ":" + source + ": " + why;
    }
}
