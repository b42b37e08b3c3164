package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.repo.EntryKind;
import dev.ktx.ingest.core.repo.RepoTree;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RepoTree} over one git tree. Each directory on a looked-up path is parsed once and kept: context repos
 * have directories with thousands of pages, and the gates look up many paths in the same few directories.
 * Only directories on requested paths are read. Thread-safe; paths may end with {@code /}; {@code ""} is the root.
 */
final class JGitRepoTree implements RepoTree {

    private record Entry(ObjectId id, FileMode mode) {
        EntryKind kind() {
            return EntryKinds.of(mode);
        }
    }

    private static final Map<String, Entry> NO_DIRECTORY = Map.of();

    private final Repository repo;
    private final ObjectId tree;
    private final Map<String, Map<String, Entry>> directories = new ConcurrentHashMap<>();

    JGitRepoTree(Repository repo, ObjectId tree) {
        this.repo = repo;
        this.tree = tree;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Optional<Entry> entry = entry(normalize(path)).filter(e -> e.kind().isRegularFile());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            return Optional.of(reader.open(entry.get().id(), Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from tree " + tree.name(), e);
        }
    }

    @Override
    public EntryKind kind(String path) {
        String normalized = normalize(path);
        return normalized.isEmpty() ? EntryKind.DIRECTORY : entry(normalized).map(Entry::kind).orElse(EntryKind.MISSING);
    }

    @Override
    public List<String> listFiles(String dir) {
        String normalized = normalize(dir);
        String prefix = normalized.isEmpty() ? "" : normalized + "/";
        List<String> files = new ArrayList<>();
        directory(normalized).forEach((name, entry) -> {
            if (entry.kind().isRegularFile()) {
                files.add(prefix + name);
            }
        });
        return files;
    }

    @Override
    public List<String> listFilesRecursive(String dir) {
        String normalized = normalize(dir);
        Optional<ObjectId> subtree = normalized.isEmpty() ? Optional.of(tree)
                : entry(normalized).filter(e -> e.kind() == EntryKind.DIRECTORY).map(Entry::id);
        if (subtree.isEmpty()) {
            return List.of();
        }
        String prefix = normalized.isEmpty() ? "" : normalized + "/";
        List<String> files = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(subtree.get());
            walk.setRecursive(true);
            while (walk.next()) {
                if (EntryKinds.of(walk.getFileMode(0)).isRegularFile()) {
                    files.add(prefix + walk.getPathString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " in tree " + tree.name(), e);
        }
        // git orders "a/" after "a.b"; callers expect plain string order.
        files.sort(null);
        return files;
    }

    private Optional<Entry> entry(String path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        return Optional.ofNullable(directory(parent).get(path.substring(slash + 1)));
    }

    /** Entries of a directory by name, in plain string order; empty when it is missing or not a directory. */
    private Map<String, Entry> directory(String dir) {
        Map<String, Entry> cached = directories.get(dir);
        if (cached != null) {
            return cached;
        }
        // Resolved outside of any map update: loading a directory first loads its parent.
        Optional<ObjectId> id = dir.isEmpty() ? Optional.of(tree)
                : entry(dir).filter(e -> e.kind() == EntryKind.DIRECTORY).map(Entry::id);
        Map<String, Entry> loaded = id.map(this::parse).orElse(NO_DIRECTORY);
        Map<String, Entry> raced = directories.putIfAbsent(dir, loaded);
        return raced == null ? loaded : raced;
    }

    private Map<String, Entry> parse(ObjectId treeId) {
        Map<String, Entry> entries = new TreeMap<>();
        try (ObjectReader reader = repo.newObjectReader()) {
            for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, treeId); !parser.eof(); parser.next()) {
                entries.put(parser.getEntryPathString(), new Entry(parser.getEntryObjectId(), parser.getEntryFileMode()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tree " + treeId.name(), e);
        }
        return entries;
    }

    private static String normalize(String path) {
        String result = path;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
