package dev.ktx.ingest.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.merge.MergeConflict;
import dev.ktx.ingest.core.repo.Aggregation;
import dev.ktx.ingest.core.repo.ColumnOverride;
import dev.ktx.ingest.core.repo.Frontmatter;
import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.SlSource;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Sessions of 2–5 sources forked from one {@code main} and finalized (refresh from {@code main}, squash onto it)
 * in random orders: overlapping outputs give the same {@code main} tree whatever the order, with every source's
 * keys; genuine conflicts fail the later session with the key path whatever the order.
 */
class FinalizeOrderPropertyTest {

    private static final String CONNECTION = "wh";
    private static final List<String> TABLES = List.of("customers", "orders", "payments");
    private static final String INDEX = "index";
    private static final int SLOTS = 5;

    /** What one source writes: overlays by table, pages of its own, and its line of the shared index page. */
    record Source(String name, int slot, SortedMap<String, SlSource> overlays, List<String> pages, boolean editsIndex) {

        Changeset changes() {
            Changeset.Builder changes = Changeset.builder();
            overlays.forEach((table, overlay) ->
                    changes.write(RepoPaths.slSource(CONNECTION, table), SlSourceCodec.write(overlay)));
            pages.forEach(key -> changes.write(
                    RepoPaths.wikiPage(key),
                    WikiPageCodec.write(
                            new WikiPage(key, Frontmatter.of("Note by " + name), "Written by " + name + ".\n"))));
            if (editsIndex) {
                List<String> refs =
                        Stream.concat(Stream.of("home"), pages.stream()).toList();
                changes.write(RepoPaths.wikiPage(INDEX), index(refs, slot, name));
            }
            return changes.build();
        }

        Source withOverlay(String table, SlSource overlay) {
            SortedMap<String, SlSource> changed = new TreeMap<>(overlays);
            changed.put(table, overlay);
            return new Source(name, slot, changed, pages, editsIndex);
        }

        Source withPage(String key) {
            return new Source(
                    name,
                    slot,
                    overlays,
                    Stream.concat(pages.stream(), Stream.of(key)).toList(),
                    editsIndex);
        }
    }

    record Scenario(List<Source> sources, List<Integer> order, List<Integer> otherOrder) {}

    /** A scenario plus a genuine conflict between two of its sources. */
    record Conflicting(Scenario scenario, int first, int second, boolean onMeasure) {}

    @Property(tries = 30)
    void everyFinalizeOrderGivesTheSameMainWithEverySourcesKeys(@ForAll("scenarios") Scenario scenario)
            throws Exception {
        String tree = finalizeAll(scenario.sources(), scenario.order(), List.of());
        String otherTree = finalizeAll(scenario.sources(), scenario.otherOrder(), List.of());

        assertThat(otherTree).isEqualTo(tree);
    }

    @Property(tries = 25)
    void aGenuineConflictFailsTheLaterSessionWithTheKeyPath(@ForAll("conflicting") Conflicting conflicting)
            throws Exception {
        Scenario scenario = conflicting.scenario();
        List<Integer> order = scenario.order();
        int later = order.indexOf(conflicting.first()) > order.indexOf(conflicting.second())
                ? conflicting.first()
                : conflicting.second();
        String expected = conflicting.onMeasure()
                ? "semantic-layer/wh/orders.yaml: measures[shared_count] changed on both sides"
                : "wiki/global/shared-page.md: created on both sides with different content";
        List<String> failures = new ArrayList<>();

        finalizeAll(scenario.sources(), order, failures);

        assertThat(failures).containsExactly(scenario.sources().get(later).name() + ": " + expected);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(2, 5).flatMap(count -> {
            List<Arbitrary<Source>> sources = IntStream.range(0, count)
                    .mapToObj(FinalizeOrderPropertyTest::source)
                    .toList();
            List<Integer> indices = IntStream.range(0, count).boxed().toList();
            return Combinators.combine(
                            Combinators.combine(sources).as(List::copyOf),
                            Arbitraries.shuffle(indices),
                            Arbitraries.shuffle(indices))
                    .as(Scenario::new);
        });
    }

    @Provide
    Arbitrary<Conflicting> conflicting() {
        return scenarios().flatMap(scenario -> {
            int count = scenario.sources().size();
            return Combinators.combine(
                            Arbitraries.integers().between(0, count - 1),
                            Arbitraries.integers().between(1, count - 1),
                            Arbitraries.of(true, false))
                    .as((first, offset, onMeasure) ->
                            withConflict(scenario, first, (first + offset) % count, onMeasure));
        });
    }

    private static Conflicting withConflict(Scenario scenario, int first, int second, boolean onMeasure) {
        List<Source> sources = new ArrayList<>(scenario.sources());
        sources.set(first, conflictingPart(sources.get(first), Aggregation.COUNT, onMeasure));
        sources.set(second, conflictingPart(sources.get(second), Aggregation.COUNT_DISTINCT, onMeasure));
        return new Conflicting(
                new Scenario(sources, scenario.order(), scenario.otherOrder()), first, second, onMeasure);
    }

    private static Source conflictingPart(Source source, Aggregation agg, boolean onMeasure) {
        if (!onMeasure) {
            return source.withPage("shared-page");
        }
        SlSource orders = source.overlays().getOrDefault("orders", overlay(Map.of(), Map.of(), List.of(), List.of()));
        List<Measure> measures = new ArrayList<>(orders.measures());
        measures.add(new Measure("shared_count", agg, "id", null, new TreeMap<>()));
        return source.withOverlay(
                "orders", overlay(orders.descriptions(), orders.columnOverrides(), orders.excludeColumns(), measures));
    }

    private static Arbitrary<Source> source(int slot) {
        String name = "src" + slot;
        Arbitrary<SortedMap<String, SlSource>> overlays = Arbitraries.subsetOf(TABLES)
                .flatMap(tables -> {
                    List<Arbitrary<SlSource>> perTable =
                            tables.stream().map(table -> sourceOverlay(name)).toList();
                    return Combinators.combine(perTable).as(list -> {
                        SortedMap<String, SlSource> byTable = new TreeMap<>();
                        List<String> sorted = new ArrayList<>(new TreeSet<>(tables));
                        IntStream.range(0, sorted.size()).forEach(i -> byTable.put(sorted.get(i), list.get(i)));
                        return byTable;
                    });
                });
        Arbitrary<List<String>> pages = Arbitraries.integers()
                .between(0, 2)
                .map(count -> IntStream.range(0, count)
                        .mapToObj(i -> name + "-note-" + i)
                        .toList());
        return Combinators.combine(overlays, pages, Arbitraries.of(true, false))
                .as((byTable, keys, editsIndex) -> new Source(name, slot, byTable, keys, editsIndex));
    }

    /** Per-source descriptions, a described column, shared excluded columns and measures no other source names. */
    private static Arbitrary<SlSource> sourceOverlay(String name) {
        Arbitrary<String> text = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        Arbitrary<List<Measure>> measures = Arbitraries.integers()
                .between(0, 2)
                .flatMap(count -> Combinators.combine(IntStream.range(0, count)
                                .mapToObj(i -> Arbitraries.of(Aggregation.values())
                                        .map(agg -> new Measure(
                                                name + "_m" + i,
                                                agg,
                                                agg == Aggregation.COUNT ? null : "amount",
                                                null,
                                                new TreeMap<>(Map.of(name, "Measured by " + name)))))
                                .toList())
                        .as(list -> list));
        return Combinators.combine(
                        text, Arbitraries.of(true, false), Arbitraries.subsetOf("etl_batch", "legacy_flag"), measures)
                .as((description, describesStatus, excluded, measureList) -> overlay(
                        Map.of(name, description),
                        describesStatus
                                ? Map.of("status", new ColumnOverride(null, new TreeMap<>(Map.of(name, description))))
                                : Map.of(),
                        new TreeSet<>(excluded).stream().toList(),
                        measureList));
    }

    private static SlSource overlay(
            Map<String, String> descriptions,
            Map<String, ColumnOverride> overrides,
            List<String> excluded,
            List<Measure> measures) {
        return new SlSource(
                null,
                null,
                List.of(),
                new TreeMap<>(descriptions),
                List.of(),
                new TreeMap<>(overrides),
                excluded,
                measures,
                List.of(),
                List.of());
    }

    /** The shared page: each source may add refs and rewrite its own slot line; slots are apart by a fixed line. */
    private static String index(List<String> refs, int slot, String owner) {
        StringBuilder body = new StringBuilder("# Index\n");
        for (int i = 0; i < SLOTS; i++) {
            body.append(
                            i == slot && owner != null
                                    ? "Slot " + i + " belongs to " + owner + "."
                                    : "Slot " + i + " is free.")
                    .append("\n\nSee also slot ")
                    .append(i)
                    .append(".\n");
        }
        return WikiPageCodec.write(new WikiPage(
                INDEX,
                new Frontmatter("Index of notes", List.of(), refs, List.of(), null, null, List.of(), null),
                body.toString()));
    }

    /**
     * Forks every source's session from a fresh {@code main}, then refreshes and squashes them in {@code order}.
     * Conflicts are added to {@code failures} as {@code <source>: <conflict>}; returns the final {@code main} tree id.
     */
    private static String finalizeAll(List<Source> sources, List<Integer> order, List<String> failures)
            throws Exception {
        Path dir = Files.createTempDirectory("ktx-finalize-order");
        try {
            Changeset.Builder initial = Changeset.builder()
                    .write("ktx.yaml", "connections: {}\n")
                    .write(RepoPaths.manifestShard(CONNECTION, "public"), "tables: {}\n")
                    .write(RepoPaths.wikiPage(INDEX), index(List.of("home"), -1, null));
            try (LocalContextRepository repo = LocalContextRepository.initBare(dir, initial.build(), "initial")) {
                for (Source source : sources) {
                    SessionId session = new SessionId("run-1", source.name());
                    repo.openSession(session);
                    repo.commit(session, source.changes(), source.name());
                }
                for (int index : order) {
                    SessionId session =
                            new SessionId("run-1", sources.get(index).name());
                    String main = repo.mainHead().orElseThrow();
                    RefreshResult refreshed = repo.refresh(session, main);
                    if (refreshed.isConflict()) {
                        refreshed.conflicts().stream()
                                .map(MergeConflict::description)
                                .forEach(conflict -> failures.add(session.connectionId() + ": " + conflict));
                        continue;
                    }
                    assertThat(repo.squash(session, main, new SquashMetadata("ktx: ingest", OptionalLong.empty()))
                                    .status())
                            .isEqualTo(SquashResult.Status.MERGED);
                }
                assertEverySourcesKeysLanded(repo, sources, failures);
            }
            try (Repository git =
                    new FileRepositoryBuilder().setGitDir(dir.toFile()).build()) {
                return git.resolve("refs/heads/main^{tree}").name();
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void assertEverySourcesKeysLanded(
            LocalContextRepository repo, List<Source> sources, List<String> failures) {
        var main = repo.tree(repo.mainHead().orElseThrow());
        for (Source source : sources) {
            if (failures.stream().anyMatch(failure -> failure.startsWith(source.name() + ": "))) {
                continue;
            }
            source.overlays().forEach((table, overlay) -> {
                SlSource landed = SlSourceCodec.parse(
                        main.readText(RepoPaths.slSource(CONNECTION, table)).orElseThrow());
                assertThat(landed.descriptions()).containsAllEntriesOf(overlay.descriptions());
                assertThat(landed.measures()).containsAll(overlay.measures());
                assertThat(landed.excludeColumns()).containsAll(overlay.excludeColumns());
            });
            if (source.editsIndex()) {
                String index = main.readText(RepoPaths.wikiPage(INDEX)).orElseThrow();
                assertThat(WikiPageCodec.parse(INDEX, index).frontmatter().refs())
                        .containsAll(source.pages());
                assertThat(index).contains("Slot " + source.slot() + " belongs to " + source.name() + ".");
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
