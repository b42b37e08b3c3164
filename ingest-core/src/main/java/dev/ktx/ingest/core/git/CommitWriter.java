package dev.ktx.ingest.core.git;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;

/** Writes commit objects under one identity; author and committer are the same. */
final class CommitWriter {

    private final String name;
    private final String email;

    CommitWriter(String name, String email) {
        this.name = name;
        this.email = email;
    }

    /** Inserts (does not flush) a commit of {@code tree} with the given parents, first parent first. */
    ObjectId insert(ObjectInserter inserter, ObjectId tree, String message, ObjectId... parents) throws IOException {
        PersonIdent ident = new PersonIdent(name, email, Instant.now(), ZoneOffset.UTC);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentIds(parents);
        commit.setAuthor(ident);
        commit.setCommitter(ident);
        commit.setMessage(message.endsWith("\n") ? message : message + "\n");
        return inserter.insert(commit);
    }
}
