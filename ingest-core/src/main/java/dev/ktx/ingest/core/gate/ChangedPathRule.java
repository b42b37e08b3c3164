package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code path not allowed: <path>} for a changed path that is not a layout path of docs/context-repository.md (outside the artifact
 * roots, {@code ..}, absolute, a wiki file not named {@code wiki/global/<valid-key>.md}), that is now a symlink,
 * gitlink or directory, or that is a wiki, SL or provenance file that is not UTF-8 text without NUL bytes.
 */
final class ChangedPathRule implements GateRule {

    @Override
    public List<String> check(GateContext context) {
        List<String> errors = new ArrayList<>();
        for (PathChange change : context.changes().all()) {
            if (!allowed(change, context.input().session())) {
                errors.add("path not allowed: " + change.path());
            }
        }
        return errors;
    }

    private static boolean allowed(PathChange change, RepoTree session) {
        var classified = RepoPaths.classify(change.path());
        if (classified.isEmpty()) {
            return false;
        }
        if (change.isDeletion()) {
            return true;
        }
        if (!change.newKind().isRegularFile()) {
            return false;
        }
        return classified.get() instanceof RepoPath.RawFilePath
                || session.read(change.path()).map(ChangedPathRule::isText).orElse(false);
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
