package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.repo.EntryKind;
import dev.ktx.ingest.core.repo.RepoTree;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link RepoTree} over one git tree. Lookups descend only the path asked for ({@link TreeWalk#forPath}), and
 * listings walk only the requested sub-tree. Each call uses its own reader, so instances are thread-safe.
 * Paths may be given with or without a trailing {@code /}; the empty path is the root directory.
 */
final class JGitRepoTree implements RepoTree {

    private final Repository repo;
    private final ObjectId tree;

    JGitRepoTree(Repository repo, ObjectId tree) {
        this.repo = repo;
        this.tree = tree;
    }

    @Override
    public Optional<byte[]> read(String path) {
        try (ObjectReader reader = repo.newObjectReader()) {
            TreeWalk walk = find(reader, path);
            if (walk == null || !EntryKinds.of(walk.getFileMode(0)).isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from tree " + tree.name(), e);
        }
    }

    @Override
    public EntryKind kind(String path) {
        if (normalize(path).isEmpty()) {
            return EntryKind.DIRECTORY;
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            TreeWalk walk = find(reader, path);
            return walk == null ? EntryKind.MISSING : EntryKinds.of(walk.getFileMode(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + path + " in tree " + tree.name(), e);
        }
    }

    @Override
    public List<String> listFiles(String dir) {
        return list(dir, false);
    }

    @Override
    public List<String> listFilesRecursive(String dir) {
        return list(dir, true);
    }

    private List<String> list(String dir, boolean recursive) {
        String normalized = normalize(dir);
        try (ObjectReader reader = repo.newObjectReader()) {
            ObjectId subtree = tree;
            if (!normalized.isEmpty()) {
                TreeWalk walk = find(reader, normalized);
                if (walk == null || EntryKinds.of(walk.getFileMode(0)) != EntryKind.DIRECTORY) {
                    return List.of();
                }
                subtree = walk.getObjectId(0);
            }
            String prefix = normalized.isEmpty() ? "" : normalized + "/";
            List<String> files = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(subtree);
                walk.setRecursive(recursive);
                while (walk.next()) {
                    if (EntryKinds.of(walk.getFileMode(0)).isRegularFile()) {
                        files.add(prefix + walk.getPathString());
                    }
                }
            }
            // git orders "a/" after "a.b"; callers expect plain string order.
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " in tree " + tree.name(), e);
        }
    }

    /** The walk positioned on {@code path}, or null when it does not exist (or is the root). */
    private TreeWalk find(ObjectReader reader, String path) throws IOException {
        String normalized = normalize(path);
        return normalized.isEmpty() ? null : TreeWalk.forPath(reader, normalized, tree);
    }

    private static String normalize(String path) {
        String result = path;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
