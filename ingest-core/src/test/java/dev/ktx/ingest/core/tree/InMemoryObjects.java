package dev.ktx.ingest.core.tree;

import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;

/** An object database in memory, with an inserter and a reader on it, for tests of code that reads and writes trees. */
public final class InMemoryObjects implements AutoCloseable {

    private final InMemoryRepository repo;
    public final ObjectInserter inserter;
    public final ObjectReader reader;

    public InMemoryObjects(String name) {
        repo = new InMemoryRepository(new DfsRepositoryDescription(name));
        inserter = repo.newObjectInserter();
        reader = inserter.newReader();
    }

    @Override
    public void close() {
        reader.close();
        inserter.close();
        repo.close();
    }
}
