package dev.ktx.ingest.core.git;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;

/** Resolving the 40-hex commit ids that cross the {@link ContextRepository} port. */
final class Commits {

    /** Length of abbreviated ids in messages. */
    static final int SHORT_SHA = 12;

    private Commits() {
    }

    /** Parses a commit id given by a caller; unknown or malformed ids are the caller's error. */
    static RevCommit parse(RevWalk walk, String commitId) throws IOException {
        ObjectId id;
        try {
            id = ObjectId.fromString(commitId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a commit id: '" + commitId + "'", e);
        }
        try {
            return walk.parseCommit(id);
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw new IllegalArgumentException("no commit " + commitId + " in the context repo", e);
        }
    }
}
