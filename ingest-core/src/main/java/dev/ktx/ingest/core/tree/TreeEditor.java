package dev.ktx.ingest.core.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Edits a tree in the object database by rewriting only the directories on edited paths; every other sub-tree is
 * kept by id. Cost follows the change (and the size of the directories it touches), not the repo, unlike an
 * in-core DirCache, which reads and writes back every path of the repo (bench/results.md, "Finalizer throughput").
 * A file put where a directory was replaces the directory, a directory needed where a file was replaces the file,
 * a delete removes a file (not a directory) and a directory left empty disappears — as an in-core DirCache does.
 */
public final class TreeEditor {

    private static final ObjectId EMPTY_TREE = new ObjectInserter.Formatter().idFor(Constants.OBJ_TREE, new byte[0]);

    private record Entry(FileMode mode, ObjectId id) {}

    private final ObjectReader reader;
    private final ObjectInserter inserter;
    /** Path → new entry, or empty to delete it; sorted, so a directory's edits are grouped. */
    private final Map<String, Optional<Entry>> edits = new TreeMap<>();

    public TreeEditor(ObjectReader reader, ObjectInserter inserter) {
        this.reader = reader;
        this.inserter = inserter;
    }

    public TreeEditor put(String path, FileMode mode, ObjectId id) {
        edits.put(path, Optional.of(new Entry(mode, id)));
        return this;
    }

    public TreeEditor delete(String path) {
        edits.put(path, Optional.empty());
        return this;
    }

    /** Inserts (does not flush) the rewritten trees; returns the id of {@code baseTree} with the edits applied. */
    public ObjectId write(ObjectId baseTree) throws IOException {
        Optional<ObjectId> tree = rewrite(baseTree, edits);
        return tree.isPresent() ? tree.get() : inserter.insert(new TreeFormatter());
    }

    /** The edited directory, or empty when nothing is left in it. */
    private Optional<ObjectId> rewrite(ObjectId tree, Map<String, Optional<Entry>> dirEdits) throws IOException {
        Map<String, Entry> entries = read(tree);
        Map<String, Map<String, Optional<Entry>>> nested = new TreeMap<>();
        Map<String, Optional<Entry>> direct = new HashMap<>();
        dirEdits.forEach((path, edit) -> {
            int slash = path.indexOf('/');
            if (slash < 0) {
                direct.put(path, edit);
            } else {
                nested.computeIfAbsent(path.substring(0, slash), name -> new TreeMap<>())
                        .put(path.substring(slash + 1), edit);
            }
        });
        direct.forEach((name, edit) -> {
            if (edit.isPresent()) {
                entries.put(name, edit.get());
            } else if (entries.containsKey(name) && entries.get(name).mode() != FileMode.TREE) {
                entries.remove(name); // deleting a path deletes a file, never a directory
            }
        });
        for (Map.Entry<String, Map<String, Optional<Entry>>> dir : nested.entrySet()) {
            Entry existing = entries.get(dir.getKey());
            ObjectId base = existing != null && existing.mode() == FileMode.TREE ? existing.id() : null;
            Optional<ObjectId> rewritten = rewrite(base, dir.getValue());
            if (rewritten.isPresent()) {
                entries.put(dir.getKey(), new Entry(FileMode.TREE, rewritten.get()));
            } else if (base != null) {
                entries.remove(dir.getKey());
            }
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(inserter.insert(format(entries)));
    }

    private Map<String, Entry> read(ObjectId tree) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        if (tree == null || tree.equals(EMPTY_TREE)) {
            return entries;
        }
        for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree); !parser.eof(); parser.next()) {
            entries.put(parser.getEntryPathString(), new Entry(parser.getEntryFileMode(), parser.getEntryObjectId()));
        }
        return entries;
    }

    /** Entries in git's order: by name bytes, a sub-tree's name as if it ended with '/'. */
    private static TreeFormatter format(Map<String, Entry> entries) {
        record Named(byte[] key, byte[] name, Entry entry) {}
        List<Named> sorted = new ArrayList<>(entries.size());
        entries.forEach((name, entry) -> {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] key = entry.mode() == FileMode.TREE ? Arrays.copyOf(bytes, bytes.length + 1) : bytes;
            if (entry.mode() == FileMode.TREE) {
                key[bytes.length] = '/';
            }
            sorted.add(new Named(key, bytes, entry));
        });
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        TreeFormatter formatter = new TreeFormatter(sorted.size() * 40);
        for (Named named : sorted) {
            formatter.append(named.name(), named.entry().mode(), named.entry().id());
        }
        return formatter;
    }
}
