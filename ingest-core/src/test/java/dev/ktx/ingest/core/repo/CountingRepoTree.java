package dev.ktx.ingest.core.repo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a tree and counts what a caller asked of it, to prove that a check's cost follows the change, not the repo. */
public final class CountingRepoTree implements RepoTree {

    private final RepoTree delegate;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger listedFiles = new AtomicInteger();

    public CountingRepoTree(RepoTree delegate) {
        this.delegate = delegate;
    }

    public int reads() {
        return reads.get();
    }

    /** {@link #kind} calls. */
    public int lookups() {
        return lookups.get();
    }

    /** Paths returned by listings, summed over all listing calls. */
    public int listedFiles() {
        return listedFiles.get();
    }

    @Override
    public Optional<byte[]> read(String path) {
        reads.incrementAndGet();
        return delegate.read(path);
    }

    @Override
    public EntryKind kind(String path) {
        lookups.incrementAndGet();
        return delegate.kind(path);
    }

    @Override
    public List<String> listFiles(String dir) {
        return counted(delegate.listFiles(dir));
    }

    @Override
    public List<String> listFilesRecursive(String dir) {
        return counted(delegate.listFilesRecursive(dir));
    }

    private List<String> counted(List<String> files) {
        listedFiles.addAndGet(files.size());
        return files;
    }
}
