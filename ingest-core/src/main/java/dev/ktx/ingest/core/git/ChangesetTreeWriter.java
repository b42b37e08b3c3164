package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.tree.TreeEditor;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Applies a {@link Changeset} to a tree entirely in the object database ({@link TreeEditor}: only the directories on
 * changed paths are rewritten). No index file and no working tree are involved. Written paths become regular files;
 * a file written where a directory was replaces that directory.
 */
final class ChangesetTreeWriter {

    private ChangesetTreeWriter() {}

    /** Inserts (does not flush) the blobs and trees of {@code base} + {@code changes}; returns the new tree id. */
    static ObjectId write(ObjectReader reader, ObjectInserter inserter, ObjectId baseTree, Changeset changes)
            throws IOException {
        changes.writes().keySet().forEach(ChangesetTreeWriter::requireValidPath);
        changes.deletes().forEach(ChangesetTreeWriter::requireValidPath);

        TreeEditor editor = new TreeEditor(reader, inserter);
        changes.deletes().forEach(editor::delete);
        for (Map.Entry<String, byte[]> write : changes.writes().entrySet()) {
            editor.put(write.getKey(), FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, write.getValue()));
        }
        return editor.write(baseTree);
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
            if (segment.isEmpty()
                    || segment.equals(".")
                    || segment.equals("..")
                    || segment.toLowerCase(Locale.ROOT).equals(".git")) {
                throw new IllegalArgumentException("path has an invalid segment '" + segment + "': '" + path + "'");
            }
        }
    }
}
