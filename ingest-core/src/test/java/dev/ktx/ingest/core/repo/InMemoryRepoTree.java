package dev.ktx.ingest.core.repo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A mutable {@link RepoTree} for tests: path → entry kind and content, with indexed (non-scanning) lookups. */
public final class InMemoryRepoTree implements RepoTree {

    record Entry(EntryKind kind, byte[] content) {
        boolean sameAs(Entry other) {
            return kind == other.kind && Arrays.equals(content, other.content);
        }
    }

    private final TreeMap<String, Entry> entries = new TreeMap<>();

    public InMemoryRepoTree file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public InMemoryRepoTree bytes(String path, byte[] content) {
        entries.put(path, new Entry(EntryKind.FILE, content.clone()));
        return this;
    }

    public InMemoryRepoTree symlink(String path, String target) {
        entries.put(path, new Entry(EntryKind.SYMLINK, target.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public InMemoryRepoTree gitlink(String path) {
        entries.put(path, new Entry(EntryKind.GITLINK, new byte[0]));
        return this;
    }

    public InMemoryRepoTree remove(String path) {
        entries.remove(path);
        return this;
    }

    public InMemoryRepoTree copy() {
        InMemoryRepoTree copy = new InMemoryRepoTree();
        copy.entries.putAll(entries);
        return copy;
    }

    SortedMap<String, Entry> entries() {
        return entries;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Entry entry = entries.get(path);
        return entry != null && entry.kind().isRegularFile()
                ? Optional.of(entry.content().clone())
                : Optional.empty();
    }

    @Override
    public EntryKind kind(String path) {
        Entry entry = entries.get(path);
        if (entry != null) {
            return entry.kind();
        }
        return below(path).isEmpty() ? EntryKind.MISSING : EntryKind.DIRECTORY;
    }

    @Override
    public List<String> listFiles(String dir) {
        String prefix = prefix(dir);
        return regularFiles(dir).stream()
                .filter(path -> path.indexOf('/', prefix.length()) < 0)
                .toList();
    }

    @Override
    public List<String> listFilesRecursive(String dir) {
        return regularFiles(dir);
    }

    private List<String> regularFiles(String dir) {
        List<String> files = new ArrayList<>();
        below(dir).forEach((path, entry) -> {
            if (entry.kind().isRegularFile()) {
                files.add(path);
            }
        });
        return files;
    }

    private SortedMap<String, Entry> below(String dir) {
        String prefix = prefix(dir);
        return entries.subMap(prefix, prefix + Character.MAX_VALUE);
    }

    /** The root is {@code ""}, as in the git-backed tree. */
    private static String prefix(String dir) {
        return dir.isEmpty() || dir.endsWith("/") ? dir : dir + "/";
    }
}
