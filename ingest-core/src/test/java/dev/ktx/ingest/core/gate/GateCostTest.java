package dev.ktx.ingest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.repo.CountingRepoTree;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.TreeDiff;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gates' cost follows the change: a 50-file session on a 10,000-page repo reads about 50 files, not 10,000. */
class GateCostTest {

    private static final int PAGES = 10_000;
    private static final int CHANGED = 50;
    private static InMemoryRepoTree main;

    @BeforeAll
    static void largeRepo() {
        main = new GateFixture().main;
        for (int i = 0; i < PAGES; i++) {
            main.file(
                    GateFixture.page(key(i)),
                    GateFixture.page(
                            "Page " + i,
                            "refs: [" + key((i + 1) % PAGES) + "]\nsl_refs: [orders.revenue]",
                            "See [[customers]] and `source:orders`."));
        }
    }

    private static String key(int i) {
        return "page-" + i;
    }

    @Test
    void aFiftyFileChangeReadsABoundedNumberOfFiles() {
        InMemoryRepoTree session = main.copy();
        for (int i = 0; i < CHANGED; i++) {
            session.file(
                    GateFixture.page(key(i * 7)),
                    GateFixture.page(
                            "Changed " + i,
                            "refs: [" + key(i * 7 + 1) + "]\nsl_refs: [orders.net, wh/events.day]",
                            "[[customers]] `table:public.orders`"));
        }
        CountingRepoTree countedMain = new CountingRepoTree(main);
        CountingRepoTree countedSession = new CountingRepoTree(session);

        GateReport report = new FinalGates()
                .check(GateInput.of(countedMain, countedSession, TreeDiff.between(main, session), Set.of("wh")));

        assertThat(report.errors()).isEmpty();
        // each changed page is read by the path rule and the reference rule; the rest are the semantic layer's few
        // files
        assertThat(countedSession.reads()).isLessThanOrEqualTo(2 * CHANGED + 10);
        assertThat(countedSession.lookups()).isLessThanOrEqualTo(3 * CHANGED);
        assertThat(countedSession.listedFiles()).isLessThan(20);
        assertThat(countedMain.reads() + countedMain.listedFiles()).isZero();
    }

    @Test
    void aDeletedPageReadsEachUnchangedPageAtMostOnce() {
        InMemoryRepoTree session = main.copy();
        session.remove(GateFixture.page(key(5)));
        CountingRepoTree countedSession = new CountingRepoTree(session);

        GateReport report = new FinalGates()
                .check(GateInput.of(main, countedSession, TreeDiff.between(main, session), Set.of("wh")));

        assertThat(report.errors()).containsExactly("wiki references target missing page(s): page-4 -> page-5");
        assertThat(countedSession.reads()).isLessThanOrEqualTo(PAGES + 10);
    }
}
