package dev.ktx.ingest.core.git;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Large tree objects, inflated, shared by every repository of this JVM. A big directory ({@code wiki/global} of a
 * 100,000-page repo is a 4 MB tree object) is otherwise inflated again by each diff and each lookup of each window;
 * kept here, the next window finds {@code main}'s tree ready and pays only for the session's (bench/results.md,
 * "Final window at 10,000 and 100,000 files"). Objects are addressed by content, so an entry is never stale; the
 * least recently used go when the cache is over its size.
 */
final class TreeCache {

    /** Smaller trees inflate in microseconds: not worth the memory. */
    private static final int SMALLEST = 64 * 1024;

    private static final long MAX_BYTES = 64L * 1024 * 1024;

    static final TreeCache SHARED = new TreeCache(MAX_BYTES);

    private final long maxBytes;
    private final Map<ObjectId, byte[]> trees = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    TreeCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The raw bytes of tree {@code id}; callers must not change them. */
    byte[] read(ObjectReader reader, AnyObjectId id) throws IOException {
        byte[] cached = get(id);
        if (cached != null) {
            return cached;
        }
        byte[] raw = reader.open(id, Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE);
        if (raw.length >= SMALLEST) {
            put(id.copy(), raw);
        }
        return raw;
    }

    /** {@code reader}, reading trees through this cache (for tree walks, which open trees themselves). */
    ObjectReader through(ObjectReader reader) {
        return new ObjectReader.Filter() {
            @Override
            protected ObjectReader delegate() {
                return reader;
            }

            @Override
            public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
                return typeHint == Constants.OBJ_TREE
                        ? new ObjectLoader.SmallObject(Constants.OBJ_TREE, read(reader, id))
                        : reader.open(id, typeHint);
            }
        };
    }

    private synchronized byte[] get(AnyObjectId id) {
        return trees.get(id);
    }

    private synchronized void put(ObjectId id, byte[] raw) {
        if (raw.length > maxBytes || trees.containsKey(id)) {
            return;
        }
        trees.put(id, raw);
        bytes += raw.length;
        for (Iterator<byte[]> eldest = trees.values().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
            bytes -= eldest.next().length;
            eldest.remove();
        }
    }
}
