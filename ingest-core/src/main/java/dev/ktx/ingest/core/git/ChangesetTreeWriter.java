package dev.ktx.ingest.core.git;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a {@link Changeset} to a tree entirely in the object database: an in-core DirCache read from the
 * base tree, edited, and written back as a new tree. No index file and no working tree are involved. Written
 * paths become regular files; a file written where a directory was replaces that directory.
 */
final class ChangesetTreeWriter {

    private ChangesetTreeWriter() {
    }

    /** Inserts (does not flush) the blobs and trees of {@code base} + {@code changes}; returns the new tree id. */
    static ObjectId write(ObjectReader reader, ObjectInserter inserter, ObjectId baseTree, Changeset changes)
            throws IOException {
        changes.writes().keySet().forEach(ChangesetTreeWriter::requireValidPath);
        changes.deletes().forEach(ChangesetTreeWriter::requireValidPath);

        DirCache index = DirCache.read(reader, baseTree);
        DirCacheEditor editor = index.editor();
        for (Map.Entry<String, byte[]> write : changes.writes().entrySet()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, write.getValue());
            editor.add(new DirCacheEditor.PathEdit(write.getKey()) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
        }
        changes.deletes().forEach(path -> editor.add(new DirCacheEditor.DeletePath(path)));
        editor.finish();
        return index.writeTree(inserter);
    }

    /** Repo-relative, {@code /}-separated, no empty, {@code .}, {@code ..} or {@code .git} segments. */
    static void requireValidPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("empty path in changeset");
        }
        if (path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("path must be relative with '/' separators: '" + path + "'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.toLowerCase(Locale.ROOT).equals(".git")) {
                throw new IllegalArgumentException("path has an invalid segment '" + segment + "': '" + path + "'");
            }
        }
    }
}
