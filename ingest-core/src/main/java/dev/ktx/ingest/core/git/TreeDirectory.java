package dev.ktx.ingest.core.git;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One git tree object, kept as its raw bytes with the offset of each entry, looked up by binary search in git's
 * entry order (a sub-tree's name sorts as if it ended with {@code /}). Indexing touches bytes only: no name is
 * decoded and no entry object is made until asked for, so a directory of 100,000 pages costs one byte scan instead
 * of 100,000 strings and map nodes (bench/results.md, "Final window at 10,000 and 100,000 files"). A tree whose
 * entries are out of order (not written by git) is searched linearly.
 */
final class TreeDirectory {

    /** An entry's id and mode. */
    record Entry(ObjectId id, FileMode mode) {}

    static final TreeDirectory EMPTY = new TreeDirectory(new byte[0]);

    private static final int ID_LENGTH = 20;

    private final byte[] raw;
    /** Offset of each entry's name; the name ends at the next NUL, the mode is the octal number before it. */
    private final int[] names;

    private final int[] modes;
    private final boolean sorted;

    TreeDirectory(byte[] raw) {
        this.raw = raw;
        int[] nameStarts = new int[16];
        int[] entryModes = new int[16];
        int count = 0;
        boolean inOrder = true;
        for (int at = 0; at < raw.length; count++) {
            int mode = 0;
            while (raw[at] != ' ') {
                mode = (mode << 3) + (raw[at++] - '0');
            }
            int name = at + 1;
            at = name;
            while (raw[at] != 0) {
                at++;
            }
            at += 1 + ID_LENGTH;
            if (count == nameStarts.length) {
                nameStarts = Arrays.copyOf(nameStarts, count * 2);
                entryModes = Arrays.copyOf(entryModes, count * 2);
            }
            nameStarts[count] = name;
            entryModes[count] = mode;
            if (count > 0 && inOrder) {
                inOrder = compare(raw, nameStarts, entryModes, count - 1, raw, name, nameEnd(raw, name), isTree(mode))
                        < 0;
            }
        }
        names = Arrays.copyOf(nameStarts, count);
        modes = Arrays.copyOf(entryModes, count);
        sorted = inOrder;
    }

    /** The entry called {@code name} (a file or a sub-tree), if any; a name is one path segment. */
    Optional<Entry> find(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            return Optional.empty();
        }
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        int index = sorted ? search(key, false) : scan(key);
        if (index < 0 && sorted) {
            index = search(key, true);
        }
        return index < 0
                ? Optional.empty()
                : Optional.of(new Entry(
                        ObjectId.fromRaw(raw, nameEnd(raw, names[index]) + 1), FileMode.fromBits(modes[index])));
    }

    /** Names of the entries whose mode passes, in plain string order. */
    List<String> names(Predicate<FileMode> mode) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (mode.test(FileMode.fromBits(modes[i]))) {
                found.add(name(i));
            }
        }
        found.sort(null); // git orders "a-b" before "a.b"; plain string order is what callers expect
        return found;
    }

    private String name(int index) {
        int start = names[index];
        return new String(raw, start, nameEnd(raw, start) - start, StandardCharsets.UTF_8);
    }

    /** Index of the entry named {@code key} that is (or is not) a sub-tree, or -1. */
    private int search(byte[] key, boolean tree) {
        int low = 0;
        int high = names.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = compare(raw, names, modes, mid, key, 0, key.length, tree);
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private int scan(byte[] key) {
        for (int i = 0; i < names.length; i++) {
            int start = names[i];
            if (Arrays.equals(raw, start, nameEnd(raw, start), key, 0, key.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Git's order of entry {@code index} against the name {@code other[from, to)}: bytes first, then a sub-tree's
     * name continues with '/' where the other one ended.
     */
    private static int compare(
            byte[] raw,
            int[] nameStarts,
            int[] entryModes,
            int index,
            byte[] other,
            int from,
            int to,
            boolean otherTree) {
        int a = nameStarts[index];
        int aEnd = nameEnd(raw, a);
        int b = from;
        while (a < aEnd && b < to) {
            int order = Byte.toUnsignedInt(raw[a++]) - Byte.toUnsignedInt(other[b++]);
            if (order != 0) {
                return order;
            }
        }
        int aNext = a < aEnd ? Byte.toUnsignedInt(raw[a]) : isTree(entryModes[index]) ? '/' : 0;
        int bNext = b < to ? Byte.toUnsignedInt(other[b]) : otherTree ? '/' : 0;
        return aNext - bNext;
    }

    private static int nameEnd(byte[] raw, int start) {
        int at = start;
        while (raw[at] != 0) {
            at++;
        }
        return at;
    }

    private static boolean isTree(int mode) {
        return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
    }
}
