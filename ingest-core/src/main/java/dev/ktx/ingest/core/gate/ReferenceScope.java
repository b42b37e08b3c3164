package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.SlRef;

/**
 * Which references of a page a check looks at: all of them for a page the session wrote, only those the session's
 * changes can have broken for a page it did not touch (so that old problems on {@code main} do not block a session).
 */
interface ReferenceScope {

    ReferenceScope ALL = new ReferenceScope() {
        public boolean coversPage(String key) {
            return true;
        }

        public boolean coversSource(SlRef ref) {
            return true;
        }

        public boolean coversTable(String schemaTable) {
            return true;
        }
    };

    boolean coversPage(String key);

    boolean coversSource(SlRef ref);

    boolean coversTable(String schemaTable);
}
