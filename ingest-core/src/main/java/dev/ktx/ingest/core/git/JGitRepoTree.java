package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.git.TreeDirectory.Entry;
import dev.ktx.ingest.core.repo.EntryKind;
import dev.ktx.ingest.core.repo.RepoTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * {@link RepoTree} over one git tree. Each directory on a looked-up path is indexed once and kept
 * ({@link TreeDirectory}): context repos have directories with thousands of pages, and the gates look up many paths
 * in the same few directories. Only directories on requested paths are read. Thread-safe; paths may end with
 * {@code /}; {@code ""} is the root.
 */
final class JGitRepoTree implements RepoTree {

    private final Repository repo;
    private final ObjectId tree;
    private final Map<String, TreeDirectory> directories = new ConcurrentHashMap<>();

    JGitRepoTree(Repository repo, ObjectId tree) {
        this.repo = repo;
        this.tree = tree;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Optional<Entry> entry = entry(normalize(path)).filter(e -> kind(e).isRegularFile());
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
        return normalized.isEmpty()
                ? EntryKind.DIRECTORY
                : entry(normalized).map(JGitRepoTree::kind).orElse(EntryKind.MISSING);
    }

    @Override
    public List<String> listFiles(String dir) {
        String normalized = normalize(dir);
        String prefix = normalized.isEmpty() ? "" : normalized + "/";
        return directory(normalized).names(mode -> EntryKinds.of(mode).isRegularFile()).stream()
                .map(name -> prefix + name)
                .toList();
    }

    @Override
    public List<String> listFilesRecursive(String dir) {
        String normalized = normalize(dir);
        Optional<ObjectId> subtree = normalized.isEmpty()
                ? Optional.of(tree)
                : entry(normalized).filter(e -> kind(e) == EntryKind.DIRECTORY).map(Entry::id);
        if (subtree.isEmpty()) {
            return List.of();
        }
        String prefix = normalized.isEmpty() ? "" : normalized + "/";
        List<String> files = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader();
                TreeWalk walk = new TreeWalk(reader)) {
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
        return directory(parent).find(path.substring(slash + 1));
    }

    private static EntryKind kind(Entry entry) {
        return EntryKinds.of(entry.mode());
    }

    /** A directory's entries; empty when it is missing or not a directory. */
    private TreeDirectory directory(String dir) {
        TreeDirectory cached = directories.get(dir);
        if (cached != null) {
            return cached;
        }
        // Resolved outside of any map update: loading a directory first loads its parent.
        Optional<ObjectId> id = dir.isEmpty()
                ? Optional.of(tree)
                : entry(dir).filter(e -> kind(e) == EntryKind.DIRECTORY).map(Entry::id);
        TreeDirectory loaded = id.map(this::parse).orElse(TreeDirectory.EMPTY);
        TreeDirectory raced = directories.putIfAbsent(dir, loaded);
        return raced == null ? loaded : raced;
    }

    private TreeDirectory parse(ObjectId treeId) {
        try (ObjectReader reader = repo.newObjectReader()) {
            return new TreeDirectory(TreeCache.SHARED.read(reader, treeId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tree " + treeId.name(), e);
        }
    }

    private static String normalize(String path) {
        String result = path;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
