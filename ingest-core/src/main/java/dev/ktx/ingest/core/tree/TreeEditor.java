package dev.ktx.ingest.core.tree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.util.Paths;
import org.eclipse.jgit.util.RawParseUtils;

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

    /**
     * The edited directory, or empty when nothing is left in it. Entries the edits do not touch are copied from the
     * old tree object byte for byte, in order; only the touched ones are decoded, and merged in at their place.
     */
    private Optional<ObjectId> rewrite(ObjectId tree, Map<String, Optional<Entry>> dirEdits) throws IOException {
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
        RawTree old = RawTree.of(tree == null || tree.equals(EMPTY_TREE) ? new byte[0] : read(tree));
        BitSet touched = old.named(name -> direct.containsKey(name) || nested.containsKey(name));
        Map<String, Entry> entries = old.entries(touched);
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
        byte[] rewritten = old.with(touched, entries);
        return rewritten.length == 0 ? Optional.empty() : Optional.of(inserter.insert(Constants.OBJ_TREE, rewritten));
    }

    private byte[] read(ObjectId tree) throws IOException {
        return reader.open(tree, Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE);
    }

    /** A tree object's bytes with the offset of each entry: {@code <octal mode> <name>\0<20-byte id>}. */
    private record RawTree(byte[] bytes, int[] starts) {

        private record Named(byte[] name, Entry entry) {}

        static RawTree of(byte[] bytes) {
            int[] starts = new int[16];
            int count = 0;
            for (int at = 0; at < bytes.length; at = nameEnd(bytes, at) + 1 + Constants.OBJECT_ID_LENGTH) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = at;
            }
            starts = Arrays.copyOf(starts, count + 1);
            starts[count] = bytes.length;
            return new RawTree(bytes, starts);
        }

        int size() {
            return starts.length - 1;
        }

        /** The indices of the entries whose names {@code names} accepts (each name decoded once, here). */
        BitSet named(Predicate<String> names) {
            BitSet found = new BitSet(size());
            for (int i = 0; i < size(); i++) {
                if (names.test(name(i))) {
                    found.set(i);
                }
            }
            return found;
        }

        /** The entries at {@code indices}, decoded, by name. */
        Map<String, Entry> entries(BitSet indices) {
            Map<String, Entry> entries = new HashMap<>();
            indices.stream().forEach(i -> {
                int id = nameEnd(bytes, starts[i]) + 1;
                entries.put(name(i), new Entry(FileMode.fromBits(mode(i)), ObjectId.fromRaw(bytes, id)));
            });
            return entries;
        }

        /**
         * This tree with the {@code touched} entries replaced by {@code edited} (a touched name missing from it is
         * removed): untouched entries are copied as they are, the edited ones inserted in git's order.
         */
        byte[] with(BitSet touched, Map<String, Entry> edited) {
            List<Named> inserted = new ArrayList<>();
            edited.forEach((name, entry) -> inserted.add(new Named(name.getBytes(StandardCharsets.UTF_8), entry)));
            inserted.sort((a, b) -> Paths.compare(
                    a.name(),
                    0,
                    a.name().length,
                    a.entry().mode().getBits(),
                    b.name(),
                    0,
                    b.name().length,
                    b.entry().mode().getBits()));
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.size() * 64);
            int next = 0;
            for (int i = touched.nextClearBit(0); i < size(); i = touched.nextClearBit(i + 1)) {
                int nameStart = nameStart(i);
                int nameEnd = nameEnd(bytes, starts[i]);
                while (next < inserted.size()
                        && Paths.compare(
                                        inserted.get(next).name(),
                                        0,
                                        inserted.get(next).name().length,
                                        inserted.get(next).entry().mode().getBits(),
                                        bytes,
                                        nameStart,
                                        nameEnd,
                                        mode(i))
                                < 0) {
                    append(out, inserted.get(next++));
                }
                out.write(bytes, starts[i], starts[i + 1] - starts[i]);
            }
            while (next < inserted.size()) {
                append(out, inserted.get(next++));
            }
            return out.toByteArray();
        }

        private static void append(ByteArrayOutputStream out, Named named) {
            try {
                named.entry().mode().copyTo(out);
                out.write(' ');
                out.write(named.name());
                out.write(0);
                named.entry().id().copyRawTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
        }

        private String name(int i) {
            return RawParseUtils.decode(bytes, nameStart(i), nameEnd(bytes, starts[i]));
        }

        private int nameStart(int i) {
            int at = starts[i];
            while (bytes[at] != ' ') {
                at++;
            }
            return at + 1;
        }

        private int mode(int i) {
            int mode = 0;
            for (int at = starts[i]; bytes[at] != ' '; at++) {
                mode = (mode << 3) + (bytes[at] - '0');
            }
            return mode;
        }

        private static int nameEnd(byte[] bytes, int entryStart) {
            int at = entryStart;
            while (bytes[at] != 0) {
                at++;
            }
            return at;
        }
    }
}
